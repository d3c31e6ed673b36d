package fr.duiconnect.core.structure;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.config.KeyStoreMaterial;
import fr.duiconnect.core.config.Secret;
import fr.duiconnect.core.error.ConfigurationException;
import fr.duiconnect.core.model.Finess;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Structures as configuration files: one {@code .properties} file per structure in a folder
 * ({@code dui.structures.dir}); relative paths are resolved against the file's folder, secrets are named by
 * {@code .file} or {@code .env} as everywhere else.
 *
 * <pre>
 * structure.finess=750000010                 structure.finess-juridique=750000001
 * structure.name=EHPAD Les Tilleuls          structure.category=500     structure.address=1 rue des Lilas 75011 Paris
 * structure.enabled=true                     structure.services=dmp,ins,mssante
 * structure.homologation.dmp=…               (wins over dui.software.homologation.dmp)
 * structure.dmp.tls.keystore=tilleuls/org-auth-cli.p12   .password.file=tilleuls/auth.pass   .alias=auth
 * structure.dmp.sign.keystore=tilleuls/org-sign.p12      .password.env=TILLEULS_SIGN_PASSWORD
 * structure.dmp.option.vihf.name-id=810001234565          (any dui.dmp.option.* of this structure's own)
 * structure.mssante.option.mailbox=ehpad_auto@tilleuls.mssante.fr
 * </pre>
 */
public final class StructureFiles {

    private static final String PREFIX = "structure.";

    private StructureFiles() {
    }

    /** Every {@code *.properties} file of the folder, one structure each, in file name order. */
    public static List<StructureProfile> load(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<StructureProfile> profiles = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".properties")).sorted().toList()) {
                profiles.add(read(file));
            }
            return profiles;
        } catch (IOException e) {
            throw new ConfigurationException(directory.toString(), "the structures folder cannot be read", e);
        }
    }

    public static StructureProfile read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigurationException(file.toString(), "the structure file cannot be read", e);
        }
        return new FileEntry(properties, file.toAbsolutePath().getParent(), file.getFileName().toString()).profile();
    }

    private record FileEntry(Properties properties, Path base, String fileName) {

        StructureProfile profile() {
            Finess finess = Finess.of(required("finess"));
            StructureProfile.Builder builder = StructureProfile.builder(finess, required("name"))
                    .category(get("category")).address(get("address"))
                    .enabled(!"false".equalsIgnoreCase(get("enabled")));
            String juridique = get("finess-juridique");
            if (juridique != null) {
                builder.finessJuridique(Finess.of(juridique));
            }
            for (String name : properties.stringPropertyNames()) {
                if (name.startsWith(PREFIX + "homologation.")) {
                    builder.homologation(name.substring((PREFIX + "homologation.").length()), properties.getProperty(name).trim());
                }
            }
            String services = required("services");
            for (String key : Arrays.stream(services.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
                builder.service(socle(key), service(key));
            }
            return builder.build();
        }

        private StructureService service(String key) {
            String prefix = PREFIX + key + ".";
            Map<String, String> options = new HashMap<>();
            for (String name : properties.stringPropertyNames()) {
                if (name.startsWith(prefix + "option.")) {
                    options.put(name.substring((prefix + "option.").length()), properties.getProperty(name).trim());
                }
            }
            return new StructureService(keyStore(prefix + "tls.keystore"), keyStore(prefix + "sign.keystore"), options);
        }

        private KeyStoreMaterial keyStore(String name) {
            String path = get(name.substring(PREFIX.length()));
            if (path == null) {
                return null;
            }
            String file = get(name.substring(PREFIX.length()) + ".password.file");
            String env = get(name.substring(PREFIX.length()) + ".password.env");
            Secret password;
            if (file != null) {
                password = Secret.fromFile(resolve(file));
            } else if (env != null) {
                password = Secret.fromEnvironment(env);
            } else {
                throw new ConfigurationException(fileName + ": " + name + ".password", "give " + name + ".password.file or .password.env");
            }
            return new KeyStoreMaterial(resolve(path), password, get(name.substring(PREFIX.length()) + ".alias"));
        }

        private ServiceSocle socle(String key) {
            return Arrays.stream(ServiceSocle.values()).filter(s -> s.key().equals(key.toLowerCase(Locale.ROOT))).findFirst()
                    .orElseThrow(() -> new ConfigurationException(fileName + ": structure.services",
                            "names no service " + key + " (ins, dmp, mssante, eprescription, eparcours, annuaire)"));
        }

        private Path resolve(String value) {
            Path path = Path.of(value);
            return path.isAbsolute() || base == null ? path : base.resolve(path).normalize();
        }

        private String get(String name) {
            String value = properties.getProperty(PREFIX + name);
            return value == null || value.isBlank() ? null : value.trim();
        }

        private String required(String name) {
            String value = get(name);
            if (value == null) {
                throw new ConfigurationException(fileName + ": " + PREFIX + name, "this property is required");
            }
            return value;
        }
    }
}
