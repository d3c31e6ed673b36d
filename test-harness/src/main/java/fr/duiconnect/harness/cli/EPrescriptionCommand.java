package fr.duiconnect.harness.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.eprescription.EPrescriptionClient;
import fr.duiconnect.core.eprescription.Prescription;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.harness.fhir.InsPersona;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
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

        @Option(names = "--ins", description = "Local person's matricule INS (15 characters); with --sandbox alone, a sandbox persona.")
        String ins;

        @Option(names = "--birth-name") String birthName;
        @Option(names = "--first-names", description = "First names of the birth certificate, space separated.") String firstNames;
        @Option(names = "--sex", description = "M or F") Sex sex;
        @Option(names = "--birth-date", description = "YYYY-MM-DD") LocalDate birthDate;
        @Option(names = "--birth-place", description = "COG code") String birthPlace;

        @Override
        public Integer call() throws Exception {
            try (SandboxOptions.ConnectorSession session = target.open(Set.of(ServiceSocle.EPRESCRIPTION))) {
                EPrescriptionClient client = session.connector().eprescription();
                PersonIdentity person = person();
                Map<String, Object> out = new LinkedHashMap<>();
                if (person == null) {
                    out.put("imported", false);
                    out.put("prescription", client.retrieve(number));
                } else {
                    var result = client.importPrescription(number, person);
                    out.put("imported", true);
                    out.put("outcome", result.outcome());
                    out.put("prescription", result.prescription());
                }
                System.out.println(json().writeValueAsString(out));
            }
            return 0;
        }

        private PersonIdentity person() {
            if (ins == null) {
                return null;
            }
            if (birthName == null && target.isSandbox()) {
                return InsPersona.byMatricule(ins).identity();
            }
            if (birthName == null || firstNames == null || sex == null || birthDate == null) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--ins needs --birth-name, --first-names, --sex and --birth-date (the local qualified identity)");
            }
            Ins parsed = Ins.asReturnedByInsi(ins.substring(0, 13), ins.substring(13), InsKind.NIR);
            return new PersonIdentity("cli", new IdentityTraits(birthName, Arrays.asList(firstNames.trim().split("\\s+")), null, null,
                    sex, birthDate, birthPlace), parsed, IdentityStatus.QUAL, Set.of());
        }
    }

    @Command(name = "list", description = "The prescriptions of a person (by INS) since a date.")
    static final class ListCommand implements Callable<Integer> {
        @Mixin SandboxOptions target;

        @Option(names = "--ins", required = true, description = "Matricule INS (15 characters).") String ins;
        @Option(names = "--oid", defaultValue = "1.2.250.1.213.1.4.8", description = "INS OID (default INS-NIR).") String oid;
        @Option(names = "--since", required = true, description = "YYYY-MM-DD") LocalDate since;
        @Option(names = "--until", description = "YYYY-MM-DD (default today)") LocalDate until;

        @Override
        public Integer call() throws Exception {
            try (SandboxOptions.ConnectorSession session = target.open(Set.of(ServiceSocle.EPRESCRIPTION))) {
                Ins person = Ins.asReturnedByInsi(ins.substring(0, 13), ins.substring(13), InsKind.fromOid(oid));
                List<Prescription> prescriptions = session.connector().eprescription().list(person, since,
                        until == null ? LocalDate.now() : until);
                System.out.println(json().writeValueAsString(prescriptions));
            }
            return 0;
        }
    }
}
