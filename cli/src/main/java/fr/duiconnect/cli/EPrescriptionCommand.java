package fr.duiconnect.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.eprescription.EPrescriptionClient;
import fr.duiconnect.core.eprescription.Prescription;
import fr.duiconnect.core.model.PersonIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code dui-connect eprescription import|list}: e-prescriptions retrieved, validated and mapped, printed as JSON. */
@Command(name = "eprescription", description = "Electronic prescriptions (FHIR R4, ePrescription IG).",
        subcommands = {EPrescriptionCommand.Import.class, EPrescriptionCommand.ListCommand.class})
final class EPrescriptionCommand {

    static ObjectMapper json() {
        SimpleModule time = new SimpleModule();
        time.addSerializer(OffsetDateTime.class, ToStringSerializer.instance);
        time.addSerializer(LocalDate.class, ToStringSerializer.instance);
        return new ObjectMapper().registerModule(time).enable(SerializationFeature.INDENT_OUTPUT);
    }

    @Command(name = "import", description = "Import one prescription by its number; with the person's INS and traits, "
            + "checks the identity and records the import (idempotent).")
    static final class Import implements Callable<Integer> {
        @Mixin SandboxOptions target;

        @Option(names = "--id", required = true, description = "Prescription number (groupIdentifier).")
        String number;

        @Mixin PersonOptions person;

        @Override
        public Integer call() throws Exception {
            try (SandboxOptions.ConnectorSession session = target.open(Set.of(ServiceSocle.EPRESCRIPTION))) {
                EPrescriptionClient client = session.connector().eprescription();
                PersonIdentity identity = person.identity(target.isSandbox());
                Map<String, Object> out = new LinkedHashMap<>();
                if (identity == null) {
                    out.put("imported", false);
                    out.put("prescription", client.retrieve(number));
                } else {
                    var result = client.importPrescription(number, identity);
                    out.put("imported", true);
                    out.put("outcome", result.outcome());
                    out.put("prescription", result.prescription());
                }
                System.out.println(json().writeValueAsString(out));
            }
            return 0;
        }
    }

    @Command(name = "list", description = "The prescriptions of a person (by INS) over a period (default: the last 90 days).")
    static final class ListCommand implements Callable<Integer> {
        @Mixin SandboxOptions target;

        @Mixin PersonOptions person;
        @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "First day (default: 90 days ago).") LocalDate since;
        @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "Last day (default: today).") LocalDate until;

        @Override
        public Integer call() throws Exception {
            try (SandboxOptions.ConnectorSession session = target.open(Set.of(ServiceSocle.EPRESCRIPTION))) {
                LocalDate last = until == null ? LocalDate.now() : until;
                List<Prescription> prescriptions = session.connector().eprescription().list(person.ins(),
                        since == null ? last.minusDays(90) : since, last);
                System.out.println(json().writeValueAsString(prescriptions));
            }
            return 0;
        }
    }
}
