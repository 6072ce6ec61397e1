package dev.bouncer.host.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged host app run as a JVM of its own, so that a test can kill it abruptly and start
 * it again on the same data. Each start appends the app's output to a log file of its own.
 */
public final class HostAppProcess implements AutoCloseable {

    /** Built by {@code package}, which failsafe runs before the ITs; relative to host-app/. */
    private static final Path PACKAGED_JAR = Path.of("target", "bouncer-host-app.jar");
    private static final Path LOG_DIR = Path.of("target", "host-app-process");
    /** Faster start-up on a small shared machine; these short runs never need the C2 compiler. */
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-Xmx512m");
    private static final Duration EXIT_WAIT = Duration.ofSeconds(30);
    /** UP once the application is ready, after its start-up runners; needs probes enabled. */
    private static final String READINESS = "/actuator/health/readiness";

    private final Path jar;
    private final Path workDir;
    private final int port;
    private final List<String> properties;
    private final Map<String, String> environment;
    private final String logName;
    private Process process;
    private int starts;

    /**
     * Copies the packaged jar into {@code workDir}, so that a build rewriting {@code target/}
     * meanwhile cannot change the app between two starts.
     *
     * @param properties {@code --name=value} arguments; never secrets, they show in {@code ps}
     * @param environment added to the child's environment: the place for secrets
     */
    public HostAppProcess(String logName, Path workDir, int port, List<String> properties,
            Map<String, String> environment) throws IOException {
        this.jar = Files.copy(PACKAGED_JAR, workDir.resolve("bouncer-host-app.jar"));
        this.workDir = workDir;
        this.port = port;
        this.properties = List.copyOf(properties);
        this.environment = Map.copyOf(environment);
        this.logName = logName;
    }

    /** A loopback port nobody listened on a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Starts the app and returns the file its output goes to; does not wait for it. */
    public Path start() throws IOException {
        if (isAlive()) {
            throw new IllegalStateException("The host app is already running");
        }
        Files.createDirectories(LOG_DIR);
        starts++;
        Path log = LOG_DIR.resolve(logName + "-start-" + starts + ".log").toAbsolutePath();

        ProcessBuilder builder = new ProcessBuilder(command())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        // The child must not pick up a database or secret meant for someone else's server.
        builder.environment().keySet()
                .removeIf(name -> name.startsWith("BOUNCER_") || name.startsWith("SPRING_"));
        builder.environment().putAll(environment);
        process = builder.start();
        return log;
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.add("--management.endpoint.health.probes.enabled=true");
        command.addAll(properties);
        return command;
    }

    /**
     * Waits until the app is ready for traffic; fails at once if it exits. Readiness, not
     * {@code /actuator/health}: health is UP before the start-up runners have created the
     * workspace owner, so a request made then is refused.
     */
    public void awaitReady(Duration timeout) {
        ApiClient api = new ApiClient(port);
        await("host app ready on port " + port).atMost(timeout)
                .pollInterval(Duration.ofMillis(200))
                .failFast("the host app exited during start-up", () -> !isAlive())
                .ignoreExceptions()
                .until(() -> api.get(READINESS, null).status() == 200);
    }

    /**
     * Kills the app without letting it shut down (SIGKILL on Linux), as a power cut or the OOM
     * killer would, and returns its exit code once it is gone.
     */
    public int kill() throws InterruptedException {
        Process running = process;
        if (running == null) {
            throw new IllegalStateException("The host app was never started");
        }
        running.destroyForcibly();
        if (!running.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("The host app did not exit within " + EXIT_WAIT);
        }
        return running.exitValue();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Kills the app if it still runs; safe to call after a failed or finished test. */
    @Override
    public void close() throws InterruptedException {
        if (isAlive()) {
            kill();
        }
    }
}
