package dev.bouncer.host;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Bouncer host app: REST API, durable send queue and provider connectors in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BouncerApplication {

    public static void main(String[] args) {
        SpringApplication.run(BouncerApplication.class, args);
    }
}
