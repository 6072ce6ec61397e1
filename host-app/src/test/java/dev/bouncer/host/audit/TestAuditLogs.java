package dev.bouncer.host.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;

/** Audit logs for unit tests of other features, whose storage the test controls. */
public final class TestAuditLogs {

    private TestAuditLogs() {
    }

    /** An audit log whose repository is a proxy answering every call with {@code repository}. */
    public static AuditLog over(InvocationHandler repository) {
        AuditEventRepository events = (AuditEventRepository) Proxy.newProxyInstance(
                AuditEventRepository.class.getClassLoader(),
                new Class<?>[] {AuditEventRepository.class}, repository);
        return new AuditLog(events, new ObjectMapper());
    }
}
