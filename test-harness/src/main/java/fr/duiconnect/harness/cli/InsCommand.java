package fr.duiconnect.harness.cli;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.ins.InsSearchRequest;
import fr.duiconnect.core.ins.InsSearchResult;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.harness.sandbox.Sandbox;
import fr.duiconnect.ins.rules.MatriculeCheck;
import fr.duiconnect.ins.rules.MatriculeVerdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code dui-connect ins check|search}. */
@Command(name = "ins", description = "INS: matricule checks and INSi searches.", subcommands = {InsCommand.Check.class, InsCommand.Search.class})
final class InsCommand {

    @Command(name = "check", description = "Check a 15-character matricule INS (structure and key); exit 0 when valid, 1 otherwise.")
    static final class Check implements Callable<Integer> {

        @Parameters(paramLabel = "MATRICULE", description = "13-character number followed by the 2-digit key")
        String matricule;

        @Option(names = "--kind", defaultValue = "NIR", description = "NIR, NIA, NIR_TEST or NIR_DEMO (default: ${DEFAULT-VALUE}).")
        InsKind kind;

        @Option(names = "--strict-nia", description = "Require 7 or 8 as the first digit of an NIA (UNCONFIRMED rule).")
        boolean strictNia;

        @Override
        public Integer call() {
            MatriculeVerdict verdict = new MatriculeCheck(strictNia).check(matricule, kind);
            if (verdict.valid()) {
                System.out.println("valid: " + kind.label() + " " + verdict.matricule() + " (key " + verdict.ins().key() + ")");
                return 0;
            }
            System.out.println("invalid: " + verdict.matricule());
            for (MatriculeVerdict.Violation v : verdict.violations()) {
                System.out.println("  " + v.code().code() + ": " + v.message() + " [" + v.code().reference() + "]");
            }
            return 1;
        }
    }

    @Command(name = "search", description = "Search the INS by traits through INSi; prints JSON.")
    static final class Search implements Callable<Integer> {

        @Mixin
        SandboxOptions target;

        @Option(names = "--nom", required = true, description = "Nom de naissance, as INSi expects it (A-Z, space, ', -).")
        String nom;

        @Option(names = "--prenoms", required = true, description = "Prénoms de l'acte de naissance, separated by spaces.")
        String prenoms;

        @Option(names = "--sexe", required = true, description = "M or F.")
        String sexe;

        @Option(names = "--naissance", required = true, description = "Date de naissance YYYY-MM-DD.")
        LocalDate naissance;

        @Option(names = "--lieu", description = "COG of the birth place (5 characters).")
        String lieu;

        @Option(names = "--finess", defaultValue = Sandbox.TEST_FINESS, description = "Acting structure FINESS (audit; default: ${DEFAULT-VALUE}).")
        String finess;

        @Override
        public Integer call() {
            try (SandboxOptions.ConnectorSession session = target.open(Set.of(ServiceSocle.INS))) {
                IdentityTraits traits = new IdentityTraits(nom, List.of(prenoms.strip().split(" +")), null, null,
                        Sex.parse(sexe, "--sexe"), naissance, lieu);
                InsSearchResult r = session.connector().ins().search(InsSearchRequest.of(traits, finess, "dui-connect-cli"));
                System.out.println(json(r));
                return r.found() ? 0 : 1;
            } catch (DuiConnectException e) {
                System.out.println("{\"error\":" + q(e.code()) + ",\"field\":" + q(e.field().orElse("")) + ",\"message\":"
                        + q(e.getMessage()) + ",\"rule\":" + q(e.rule()) + ",\"retryable\":" + e.retryable() + "}");
                return 2;
            }
        }

        static String json(InsSearchResult r) {
            StringBuilder b = new StringBuilder("{");
            b.append("\"codeCR\":").append(q(r.returnCode().code())).append(",\"libelle\":").append(q(r.returnCode().label()));
            if (r.ins() != null) {
                Ins ins = r.ins();
                b.append(",\"matricule\":").append(q(ins.matricule())).append(",\"numIdentifiant\":").append(q(ins.number()))
                        .append(",\"cle\":").append(q(ins.key())).append(",\"cleVerifiee\":").append(ins.keyVerified())
                        .append(",\"oid\":").append(q(ins.oid())).append(",\"type\":").append(q(ins.kind().name()));
                IdentityTraits t = r.returnedTraits();
                b.append(",\"traits\":{\"nomNaissance\":").append(q(t.birthName()))
                        .append(",\"listePrenoms\":").append(q(t.firstNamesAsList()))
                        .append(",\"sexe\":").append(q(t.sex().name()))
                        .append(",\"dateNaissance\":").append(q(t.birthDate().toString()))
                        .append(",\"lieuNaissance\":").append(t.birthPlaceCog() == null ? "null" : q(t.birthPlaceCog())).append('}');
                b.append(",\"insHisto\":[").append(r.history().stream().map(h -> q(h.matricule())).collect(Collectors.joining(","))).append(']');
                b.append(",\"traitsConcordants\":").append(r.traitsMatch());
            }
            b.append(",\"statut\":").append(q(r.status().name())).append(",\"appels\":").append(r.calls());
            if (!r.found()) {
                b.append(",\"conseil\":").append(q(r.guidance()));
            }
            return b.append('}').toString();
        }

        static String q(String s) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return b.append('"').toString();
        }
    }
}
