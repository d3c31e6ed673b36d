package fr.duiconnect.harness.junit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Captures what reaches the logs above DEBUG during each test, so tests can prove that patient data (INS,
 * names, document content) and secrets never do.
 *
 * <pre>{@code
 * @RegisterExtension LogCapture logs = new LogCapture();
 * ... logs.assertNothingContains("279035121518989", "DE VINCI", password);
 * }</pre>
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {

    private ListAppender<ILoggingEvent> appender;

    @Override
    public void beforeEach(ExtensionContext context) {
        appender = new ListAppender<>();
        appender.setName("dui-log-capture");
        appender.start();
        root().addAppender(appender);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        root().detachAppender(appender);
        appender.stop();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** Every line logged at INFO or above so far in this test, with stack traces. */
    public List<String> linesAboveDebug() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : new ArrayList<>(appender.list)) {
            if (event.getLevel().isGreaterOrEqual(Level.INFO)) {
                lines.add(event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy())));
            }
        }
        return lines;
    }

    /** Fails if any line logged above DEBUG contains one of the given values. */
    public void assertNothingContains(String... forbidden) {
        for (String line : linesAboveDebug()) {
            for (String value : forbidden) {
                if (value != null && !value.isEmpty() && line.contains(value)) {
                    throw new AssertionError("a log line above DEBUG reveals a protected value: " + line.replace(value, "<" + value.length() + " chars>"));
                }
            }
        }
    }
}
