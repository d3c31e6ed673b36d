package fr.duiconnect.core.testing;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.error.CoreErrorCode;
import fr.duiconnect.core.error.RemoteServiceException;
import fr.duiconnect.core.error.TransportException;
import fr.duiconnect.core.ins.InsClient;
import fr.duiconnect.core.spi.DeliveryHandler;
import fr.duiconnect.core.spi.DeliveryOutcome;
import fr.duiconnect.core.spi.JournaledOperation;
import fr.duiconnect.core.spi.ModuleContext;
import fr.duiconnect.core.spi.OutboundRequest;
import fr.duiconnect.core.spi.ServiceModule;
import fr.duiconnect.core.spi.ServiceModuleProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * A test module standing in for the INS socle. It delivers the journal kind {@code test.scripted}; the payload
 * says what the "remote service" does: {@code ok}, {@code fail-transient:N} (a connection refusal on the first N
 * attempts), {@code fail-permanent} (a refusal), {@code block-once:<marker file>} (on the very first attempt, waits to be killed). Each delivery that
 * reaches the remote appends the idempotency key to the file named by the attribute {@code ledger}, so tests
 * count deliveries independently of the journal.
 */
public final class ScriptedModuleProvider implements ServiceModuleProvider {

    public static final String KIND = "test.scripted";

    @Override
    public ServiceSocle socle() {
        return ServiceSocle.INS;
    }

    @Override
    public boolean requiresEndpoint() {
        return false;
    }

    @Override
    public ServiceModule start(ModuleContext context) {
        // The facade hands this out as ins(); tests cast it to ScriptedClient to journal operations.
        Object client = Proxy.newProxyInstance(InsClient.class.getClassLoader(),
                new Class<?>[] {InsClient.class, ScriptedClient.class},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == ScriptedClient.class) {
                        return context.outbox().accept((OutboundRequest) args[0]);
                    }
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "ScriptedClient" : method.invoke(this, args);
                    }
                    throw new UnsupportedOperationException("the scripted test module has no INS client");
                });
        return new ServiceModule() {
            @Override public Object client() { return client; }

            @Override public Map<String, DeliveryHandler> deliveryHandlers() { return Map.of(KIND, ScriptedModuleProvider::deliver); }
        };
    }

    static DeliveryOutcome deliver(JournaledOperation operation) {
        String script = new String(operation.payload(), StandardCharsets.UTF_8);
        if (script.startsWith("fail-transient:")) {
            int failures = Integer.parseInt(script.substring("fail-transient:".length()));
            if (operation.attempt() <= failures) {
                throw new TransportException(CoreErrorCode.TRANSPORT, "connection refused",
                        new ConnectException("Connection refused"));
            }
        } else if (script.equals("fail-permanent")) {
            throw new RemoteServiceException(CoreErrorCode.REMOTE_REFUSED, "XDSRegistryError", "refused by the registry");
        } else if (script.startsWith("block-once:")) {
            // First delivery attempt ever: leave a marker, tell the parent test, and hang until killed.
            Path marker = Path.of(script.substring("block-once:".length()));
            if (!Files.exists(marker)) {
                try {
                    Files.createFile(marker);
                    System.out.println("CLAIMED " + operation.operationId());
                    System.out.flush();
                    new java.util.concurrent.CountDownLatch(1).await();   // hangs until the test kills the process
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while blocked", e);
                }
            }
        }
        String ledger = operation.attributes().get("ledger");
        if (ledger != null) {
            try {
                Files.writeString(Path.of(ledger), operation.idempotencyKey() + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return DeliveryOutcome.acked("remote-" + operation.idempotencyKey());
    }
}
