package fr.duiconnect.core.testing;

import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.spi.OutboundRequest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** What the scripted test module offers tests: journal an operation of kind {@code test.scripted}. */
public interface ScriptedClient {

    OperationReceipt accept(OutboundRequest request);

    static OutboundRequest request(String key, String script, Path ledger) {
        return new OutboundRequest(ScriptedModuleProvider.KIND, key, "750000010", "810000000001", "person-" + key,
                "text/plain", script.getBytes(StandardCharsets.UTF_8),
                ledger == null ? Map.of() : Map.of("ledger", ledger.toString()));
    }
}
