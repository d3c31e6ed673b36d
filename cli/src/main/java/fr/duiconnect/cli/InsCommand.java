package fr.duiconnect.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.ins.InsSearchRequest;
import fr.duiconnect.core.ins.InsSearchResult;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.ins.rules.MatriculeCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code dui-connect ins check|search}: matricule checks offline, INS search through INSi. */
@Command(name = "ins", mixinStandardHelpOptions = true, description = "INS: check a matricule, search an INS through INSi.",
        subcommands = {InsCommand.Check.class, InsCommand.Search.class})
final class InsCommand {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Is this matricule INS valid, and if not why? Exit 0 or 1.")
    static final class Check implements Callable<Integer> {

        @Parameters(paramLabel = "MATRICULE", description = "15 characters: 13-character NIR or NIA, then the 2-digit key.")
        String matricule;

        @Option(names = "--kind", defaultValue = "NIR", description = "NIR, NIA, NIR_TEST or NIR_DEMO (default: ${DEFAULT-VALUE}).")
        InsKind kind;

        @Override
        public Integer call() {
            MatriculeCheck.Verdict verdict = MatriculeCheck.check(matricule, kind);
            System.out.println(verdict.valid() ? "valid: " + verdict.reason() : "invalid: " + verdict.reason());
            return verdict.valid() ? 0 : 1;
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true, description = "Search the INS by traits (INSi RECSANSVITALE); prints JSON.")
    static final class Search implements Callable<Integer> {

        @Mixin
        SandboxOptions target;

        @Option(names = "--nom", required = true, description = "Nom de naissance, as on the birth certificate (A-Z, space, ' and -).")
        String birthName;

        @Option(names = "--prenoms", required = true, description = "Prénoms de l'acte de naissance, separated by spaces.")
        String firstNames;

        @Option(names = "--sexe", required = true, description = "F or M.")
        Sex sex;

        @Option(names = "--naissance", required = true, description = "Birth date YYYY-MM-DD.")
        LocalDate birthDate;

        @Option(names = "--lieu", description = "Birth place COG code (5 characters).")
        String birthPlace;

        @Option(names = "--statut", defaultValue = "PROV", description = "Current RNIV status of the identity in the DUI (default: ${DEFAULT-VALUE}).")
        IdentityStatus status;

        @Option(names = "--finess", description = "FINESS of the structure (audit).")
        String finess;

        @Override
        public Integer call() throws Exception {
            IdentityTraits traits = new IdentityTraits(birthName, Arrays.asList(firstNames.trim().split(" +")), null, null, sex, birthDate, birthPlace);
            PersonIdentity person = new PersonIdentity("CLI", traits, null, status == IdentityStatus.VALI ? IdentityStatus.VALI : IdentityStatus.PROV, Set.of());
            try (SandboxOptions.ConnectorSession session = target.open(Set.of(ServiceSocle.INS))) {
                InsSearchResult result = session.connector().ins().search(new InsSearchRequest(person, finess, "cli"));
                System.out.println(JSON.writeValueAsString(toJson(result)));
                return result.found() ? 0 : 1;
            }
        }

        private static ObjectNode toJson(InsSearchResult result) {
            ObjectNode node = JSON.createObjectNode();
            node.put("returnCode", result.code().code());
            node.put("label", result.code().label());
            result.insIfFound().ifPresent(ins -> {
                node.put("matricule", ins.matricule());
                node.put("number", ins.number());
                node.put("key", ins.key());
                node.put("keyVerified", ins.keyVerified());
                node.put("oid", ins.oid());
                node.put("kind", ins.kind().label());
            });
            if (result.returnedTraits() != null) {
                ObjectNode traits = node.putObject("traits");
                traits.put("nomNaissance", result.returnedTraits().birthName());
                traits.put("listePrenoms", result.returnedTraits().firstNamesAsList());
                traits.put("sexe", result.returnedTraits().sex().name());
                traits.put("dateNaissance", result.returnedTraits().birthDate().toString());
                traits.put("lieuNaissance", result.returnedTraits().birthPlaceCog());
            }
            var history = node.putArray("insHisto");
            result.history().stream().map(Ins::matricule).forEach(history::add);
            var differences = node.putArray("traitDifferences");
            result.traitDifferences().forEach(differences::add);
            var warnings = node.putArray("warnings");
            result.warnings().forEach(w -> warnings.addObject().put("code", w.code().value()).put("field", w.field()).put("message", w.message()));
            node.put("rnivStatus", result.resultingStatus().name());
            node.put("rnivLabel", result.resultingStatus().label());
            node.put("calls", result.calls());
            node.put("guidance", result.guidance());
            return node;
        }
    }
}
