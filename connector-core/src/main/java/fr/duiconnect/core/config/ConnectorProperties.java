package fr.duiconnect.core.config;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.error.ConfigurationException;
import fr.duiconnect.core.structure.StructureFiles;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a {@link ConnectorConfig} from a properties file. Relative paths are resolved against the file's folder.
 * Secrets are never written in the file itself: {@code <name>.file} names a file holding it,
 * {@code <name>.env} an environment variable.
 *
 * <pre>
 * dui.software.name=MonDUI
 * dui.software.version=4.2
 * dui.software.installation-id=6b1f0c2e-...
 * dui.software.homologation.insi=CNDA-123
 * dui.journal.url=jdbc:h2:file:./journal/dui-journal       (or dui.journal.dir=./journal)
 * dui.journal.user=dui   dui.journal.password.env=DUI_JOURNAL_PASSWORD
 * dui.journal.payload.retention=P30D   (bodies of delivered operations; rows, statuses and audit stay)
 * dui.retry.max-attempts=8   dui.retry.initial-backoff=PT2S   dui.retry.max-backoff=PT15M
 * dui.retry.unknown-outcome-window=PT24H   (retries past max-attempts while an earlier attempt may have reached the peer)
 * dui.dispatch.concurrency=8   dui.dispatch.per-structure-concurrency=4   dui.dmp.option.concurrency=16
 * dui.dmp.url=https://...
 * dui.dmp.timeout.connect=PT10S   dui.dmp.timeout.read=PT30S
 * dui.dmp.tls.truststore=pki/igc-sante-trust.p12   dui.dmp.tls.truststore.password.file=pki/trust.pass
 * dui.dmp.tls.keystore=pki/org-auth-cli.p12        dui.dmp.tls.keystore.password.env=DMP_KEY_PASSWORD
 * dui.dmp.tls.keystore.alias=auth
 * dui.dmp.option.registry.url=https://...          (module-specific options)
 * dui.structures.dir=structures                     (several structures: one file each, see StructureFiles)
 * </pre>
 *
 * Every property can be overridden by an environment variable, as containers expect: its name is the property's in
 * upper case with {@code .} and {@code -} as {@code _} ({@code DUI_DMP_URL} for {@code dui.dmp.url},
 * {@code DUI_SOFTWARE_INSTALLATION_ID} for {@code dui.software.installation-id}). The variable wins over the file.
 * A variable whose property is absent from the file is read when the property is asked for; for the families read by
 * prefix (service endpoints, {@code option.*}, {@code homologation.*}) it is taken with each {@code _} read as
 * {@code .} ({@code DUI_DMP_OPTION_FINESS} gives {@code dui.dmp.option.finess}).
 */
public final class ConnectorProperties {

    private final Properties properties;
    private final Path baseDirectory;
    private final Map<String, String> environment;

    private ConnectorProperties(Properties fromFile, Path baseDirectory, Map<String, String> environment) {
        this.properties = withEnvironment(fromFile, environment);
        this.baseDirectory = baseDirectory;
        this.environment = environment;
    }

    /** The environment variable that overrides a property: {@code dui.dmp.timeout.read} → {@code DUI_DMP_TIMEOUT_READ}. */
    public static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Properties withEnvironment(Properties fromFile, Map<String, String> environment) {
        Properties merged = new Properties();
        merged.putAll(fromFile);
        Set<String> overridden = new HashSet<>();
        for (String name : fromFile.stringPropertyNames()) {
            String variable = environmentName(name);
            if (environment.containsKey(variable)) {
                merged.setProperty(name, environment.get(variable));
                overridden.add(variable);
            }
        }
        environment.forEach((variable, value) -> {
            if (variable.startsWith("DUI_") && !overridden.contains(variable)) {
                merged.putIfAbsent(variable.toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return merged;
    }

    public static ConnectorConfig load(Path file) {
        return load(file, System.getenv());
    }

    static ConnectorConfig load(Path file, Map<String, String> environment) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigurationException(file.toString(), "the configuration file cannot be read", e);
        }
        Path base = file.toAbsolutePath().getParent();
        return new ConnectorProperties(properties, base, environment).toConfig();
    }

    public static ConnectorConfig fromProperties(Properties properties, Path baseDirectory) {
        return new ConnectorProperties(properties, baseDirectory, System.getenv()).toConfig();
    }

    private ConnectorConfig toConfig() {
        SoftwareIdentity software = software();   // first: a file missing everything names the software first
        JournalConfig journal = journal();
        DispatchConfig dispatch = DispatchConfig.forJournal(journal);
        ConnectorConfig.Builder builder = ConnectorConfig.builder()
                .software(software)
                .journal(journal)
                .retry(retry())
                .dispatch(new DispatchConfig(integer("dui.dispatch.concurrency", dispatch.concurrency()),
                        integer("dui.dispatch.per-structure-concurrency", dispatch.perStructureConcurrency())));
        for (ServiceSocle socle : ServiceSocle.values()) {
            String prefix = "dui." + socle.key() + ".";
            if (properties.getProperty(prefix + "url") != null) {
                builder.endpoint(socle, endpoint(prefix));
            }
        }
        String structures = get("dui.structures.dir");
        if (structures != null) {
            StructureFiles.load(path(structures)).forEach(builder::structure);
        }
        return builder.build();
    }

    private SoftwareIdentity software() {
        Map<String, String> homologations = new HashMap<>();
        String prefix = "dui.software.homologation.";
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(prefix)) {
                homologations.put(name.substring(prefix.length()), properties.getProperty(name).trim());
            }
        }
        String name = required("dui.software.name");
        String version = required("dui.software.version");
        String installation = required("dui.software.installation-id");
        UUID installationId;
        try {
            installationId = UUID.fromString(installation);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("dui.software.installation-id", "must be a UUID");
        }
        return new SoftwareIdentity(name, version, homologations, installationId);
    }

    private JournalConfig journal() {
        String url = get("dui.journal.url");
        JournalConfig base;
        if (url == null) {
            String dir = get("dui.journal.dir");
            if (dir == null) {
                throw new ConfigurationException("dui.journal.url", "set dui.journal.url or dui.journal.dir");
            }
            base = JournalConfig.h2(path(dir));
            // The embedded journal takes no password, but one configured through a variable the deployment left
            // unset is a mistake to report at start, not to ignore (the same file may later point at a server).
            secret("dui.journal.password");
        } else {
            base = new JournalConfig(url, get("dui.journal.user"), secret("dui.journal.password"), 8,
                    JournalConfig.DEFAULT_SAFETY_POLL, 20, Duration.ofMinutes(2));
        }
        return new JournalConfig(base.jdbcUrl(), base.user(), base.password(),
                integer("dui.journal.pool.max", base.maxPoolSize()),
                duration("dui.journal.poll.interval", base.pollInterval()),
                integer("dui.journal.batch.size", base.batchSize()),
                duration("dui.journal.lease", base.lease()),
                duration("dui.journal.payload.retention", base.payloadRetention()));
    }

    private RetryPolicy retry() {
        RetryPolicy d = RetryPolicy.DEFAULT;
        return new RetryPolicy(integer("dui.retry.max-attempts", d.maxAttempts()),
                duration("dui.retry.initial-backoff", d.initialBackoff()),
                duration("dui.retry.max-backoff", d.maxBackoff()),
                decimal("dui.retry.multiplier", d.multiplier()),
                decimal("dui.retry.jitter", d.jitter()),
                duration("dui.retry.unknown-outcome-window", d.unknownOutcomeWindow()));
    }

    private EndpointConfig endpoint(String prefix) {
        URI url;
        try {
            url = new URI(required(prefix + "url"));
        } catch (URISyntaxException e) {
            throw new ConfigurationException(prefix + "url", "is not a valid URI");
        }
        Timeouts timeouts = new Timeouts(duration(prefix + "timeout.connect", Timeouts.DEFAULT.connect()),
                duration(prefix + "timeout.read", Timeouts.DEFAULT.read()));
        TlsConfig tls = null;
        String trust = get(prefix + "tls.truststore");
        if (trust != null) {
            KeyStoreMaterial trustStore = new KeyStoreMaterial(path(trust), requiredSecret(prefix + "tls.truststore.password"), null);
            KeyStoreMaterial clientKey = null;
            String key = get(prefix + "tls.keystore");
            if (key != null) {
                clientKey = new KeyStoreMaterial(path(key), requiredSecret(prefix + "tls.keystore.password"), get(prefix + "tls.keystore.alias"));
            }
            tls = new TlsConfig(trustStore, clientKey, list(prefix + "tls.protocols"), list(prefix + "tls.cipher-suites"));
        } else if (url.getScheme() != null && url.getScheme().endsWith("s")) {
            throw new ConfigurationException(prefix + "tls.truststore",
                    "a TLS endpoint needs its trust store (IGC-Santé anchors); the JDK default store is not used");
        }
        Map<String, String> options = new HashMap<>();
        String optionPrefix = prefix + "option.";
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(optionPrefix)) {
                options.put(name.substring(optionPrefix.length()), properties.getProperty(name).trim());
            }
        }
        return new EndpointConfig(url, timeouts, tls, options);
    }

    private String get(String name) {
        String value = environment.getOrDefault(environmentName(name), properties.getProperty(name));
        return value == null || value.isBlank() ? null : value.trim();
    }

    private String required(String name) {
        String value = get(name);
        if (value == null) {
            throw new ConfigurationException(name, "this property is required");
        }
        return value;
    }

    private Path path(String value) {
        Path path = Path.of(value);
        return path.isAbsolute() || baseDirectory == null ? path : baseDirectory.resolve(path).normalize();
    }

    private Secret secret(String name) {
        String file = get(name + ".file");
        if (file != null) {
            return Secret.fromFile(path(file));
        }
        String variable = get(name + ".env");
        if (variable != null) {
            return Secret.fromEnvironment(variable, environment);
        }
        String literal = get(name);
        return literal == null ? null : Secret.of(literal);
    }

    private Secret requiredSecret(String name) {
        Secret secret = secret(name);
        if (secret == null) {
            throw new ConfigurationException(name, "give " + name + ".file or " + name + ".env");
        }
        return secret;
    }

    private int integer(String name, int fallback) {
        String value = get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(name, "must be a whole number");
        }
    }

    private double decimal(String name, double fallback) {
        String value = get(name);
        try {
            return value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(name, "must be a number");
        }
    }

    /** ISO-8601 durations (PT30S) or plain milliseconds. */
    private Duration duration(String name, Duration fallback) {
        String value = get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return value.matches("\\d+") ? Duration.ofMillis(Long.parseLong(value)) : Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new ConfigurationException(name, "must be an ISO-8601 duration such as PT30S, or milliseconds");
        }
    }

    private List<String> list(String name) {
        String value = get(name);
        return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
