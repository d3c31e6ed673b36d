package fr.duiconnect.harness.mssante;

import fr.duiconnect.harness.pki.TestPki;
import fr.duiconnect.harness.sandbox.Sandbox;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JUnit 5 extension: a simulated MSSanté operator with its own test PKI, for a test class; tests receive the
 * {@link MssanteOperatorSimulator} as a parameter, and its {@code connectorProperties()} point a connector at it.
 *
 * <pre>{@code
 * @ExtendWith(MssanteSimulatorExtension.class)
 * class MyTest {
 *     @Test void sends(MssanteOperatorSimulator operator) { ... }
 * }
 * }</pre>
 */
public final class MssanteSimulatorExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MssanteSimulatorExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path directory = Files.createTempDirectory("dui-mssante-sim-");
        MssanteOperatorSimulator simulator = new MssanteOperatorSimulator();
        simulator.start(TestPki.generate(directory.resolve("pki")), directory, Sandbox.TEST_FINESS, null);
        context.getStore(NAMESPACE).put(MssanteOperatorSimulator.class, simulator);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        MssanteOperatorSimulator simulator = context.getStore(NAMESPACE).remove(MssanteOperatorSimulator.class, MssanteOperatorSimulator.class);
        if (simulator != null) {
            simulator.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MssanteOperatorSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(MssanteOperatorSimulator.class, MssanteOperatorSimulator.class);
    }
}
