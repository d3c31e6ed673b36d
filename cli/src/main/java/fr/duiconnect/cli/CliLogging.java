package fr.duiconnect.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The command line's logging, set in code rather than in a {@code logback.xml}: reading the XML file loaded some 500
 * classes of logback's configuration language and an XML parser, a quarter of a second of every command's start
 * (and of {@code bench startup}'s connector). A {@code -Dlogback.configurationFile=...}, or a {@code logback-test.xml}
 * on the class path (tests), still wins.
 *
 * <p>Warnings and above on stderr; patient data and secrets are only ever logged at DEBUG.
 */
public final class CliLogging extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || CliLogging.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        context.getLogger("fr.duiconnect").setLevel(Level.WARN);
        // Flyway warns that H2 2.5 is newer than it was verified with; the journal migration tests cover it.
        context.getLogger("org.flywaydb").setLevel(Level.ERROR);
        // GreenMail (the simulated operator's mail store) warns about every DSN and MDN body type it does not index;
        // those reports are what MSSanté receipts are, and the operator simulator reads them itself.
        context.getLogger("com.icegreen.greenmail.store.SimpleMessageAttributes").setLevel(Level.ERROR);
        // HAPI's lenient parser, where DUI Connect does not parse (its own parsing collects or refuses findings): HAPI's
        // built-in value sets carry elements its R4 model lacks (ValueSet 'author'), three WARNs on every start.
        context.getLogger("ca.uhn.fhir.parser.LenientErrorHandler").setLevel(Level.ERROR);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
