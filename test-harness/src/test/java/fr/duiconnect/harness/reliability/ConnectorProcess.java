package fr.duiconnect.harness.reliability;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.config.ConnectorProperties;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** A connector in its own JVM that only drains the journal: arguments are a configuration file and a node name. */
public final class ConnectorProcess {

    private ConnectorProcess() {
    }

    public static void main(String[] args) throws Exception {
        DuiConnector connector = DuiConnector.builder().config(ConnectorProperties.load(Path.of(args[0]))).nodeName(args[1]).build();
        System.out.println("STARTED " + args[1]);
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(connector::close));
        new CountDownLatch(1).await();   // drains until the test stops the process
    }
}
