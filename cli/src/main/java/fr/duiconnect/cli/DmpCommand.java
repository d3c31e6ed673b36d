package fr.duiconnect.cli;

import fr.duiconnect.dmp.cda.CdaFinding;
import fr.duiconnect.dmp.cda.CdaProfile;
import fr.duiconnect.dmp.cda.CdaValidationReport;
import fr.duiconnect.dmp.cda.CdaValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code dui-connect dmp validate}: a CDA document against the ANS validation kit (schema + schematrons). */
@Command(name = "dmp", mixinStandardHelpOptions = true, description = "DMP: write DLUs and liaison letters, validate CDA with the ANS kit; deposit, search and retrieve documents.",
        subcommands = {DmpDocumentCommands.Dlu.class, DmpDocumentCommands.Letter.class, DmpCommand.Validate.class, DmpExchangeCommands.Deposit.class, DmpExchangeCommands.Search.class, DmpExchangeCommands.Retrieve.class})
final class DmpCommand {

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Validate a CDA document (CDA schema, volet schematron, structuration minimale); prints each failure, exit 1 if any.")
    static final class Validate implements Callable<Integer> {

        @Parameters(paramLabel = "CDA.xml")
        Path document;

        @Option(names = "--kit", required = true, paramLabel = "DIR", description = "The ANS CDA validation kit (TestContenuCDA) directory.")
        Path kit;

        @Option(names = "--profiles", description = "Also run the kit's body profiles (IHE PCC, CI-SIS content models) on a structured body.")
        boolean profiles;

        @Override
        public Integer call() throws Exception {
            return validated(new PrintWriter(System.out, true), kit, Files.readAllBytes(document), profiles, document.getFileName().toString());
        }
    }

    /** Validates with the kit and prints each failed assertion and a summary line; the exit code is 1 on any failure. */
    static int validated(PrintWriter out, Path kit, byte[] cda, boolean profiles, String label) {
        try (CdaValidator validator = new CdaValidator(kit)) {
            CdaValidationReport report = validator.validate(cda, profiles ? EnumSet.allOf(CdaProfile.class) : Set.of());
            for (CdaFinding finding : report.findings()) {
                out.println("FAILED " + finding.source() + " " + finding.id() + " at " + finding.location() + ": " + finding.text());
            }
            out.printf("%s: %d failure(s); schema + %s; %d rule(s) fired%n", label, report.findings().size(),
                    String.join(" + ", report.schematrons()), report.rulesFired());
            out.flush();
            return report.valid() ? 0 : 1;
        }
    }
}
