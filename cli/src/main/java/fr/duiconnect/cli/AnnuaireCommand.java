package fr.duiconnect.cli;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.directory.DirectorySearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code dui-connect annuaire practitioner|structure|search}: the Annuaire Santé directory, JSON output. */
@Command(name = "annuaire", description = "Annuaire Santé: professionals by RPPS, structures by FINESS, their MSSanté mailboxes.",
        subcommands = {AnnuaireCommand.PractitionerLookup.class, AnnuaireCommand.StructureLookup.class, AnnuaireCommand.Search.class})
final class AnnuaireCommand {

    /** Not found is a refusal of the lookup (exit 1), printed as {@code {"found": false}}. */
    private static int print(Optional<?> result) throws Exception {
        System.out.println(EPrescriptionCommand.json().writeValueAsString(result.isPresent() ? result.get() : java.util.Map.of("found", false)));
        return result.isPresent() ? 0 : DuiConnectCommand.EXIT_REFUSED;
    }

    @Command(name = "practitioner", description = "A professional and their MSSanté mailboxes, by RPPS.")
    static final class PractitionerLookup implements Callable<Integer> {
        @Mixin SandboxOptions target;

        @Option(names = "--rpps", required = true, description = "RPPS number: 11 digits, the last a Luhn key.") String rpps;

        @Override
        public Integer call() throws Exception {
            try (SandboxOptions.ConnectorSession session = target.open(Set.of(ServiceSocle.ANNUAIRE))) {
                return print(session.connector().directory().practitioner(rpps));
            }
        }
    }

    @Command(name = "structure", description = "A structure and its organisational and applicative mailboxes, by FINESS.")
    static final class StructureLookup implements Callable<Integer> {
        @Mixin SandboxOptions target;

        @Option(names = "--finess", required = true, description = "FINESS number (9 characters).") String finess;

        @Override
        public Integer call() throws Exception {
            try (SandboxOptions.ConnectorSession session = target.open(Set.of(ServiceSocle.ANNUAIRE))) {
                return print(session.connector().directory().structure(finess));
            }
        }
    }

    @Command(name = "search", description = "Professionals by name, optionally in a city (for a pick list).")
    static final class Search implements Callable<Integer> {
        @Mixin SandboxOptions target;

        @Option(names = "--name", required = true, description = "Family or given name (at least 2 characters; a prefix matches).") String name;
        @Option(names = "--city", description = "City of a structure the professional works in.") String city;

        @Override
        public Integer call() throws Exception {
            try (SandboxOptions.ConnectorSession session = target.open(Set.of(ServiceSocle.ANNUAIRE))) {
                System.out.println(EPrescriptionCommand.json().writeValueAsString(
                        session.connector().directory().search(new DirectorySearch(name, city))));
                return 0;
            }
        }
    }
}
