package fr.duiconnect.cli;

import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.harness.fhir.InsPersona;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;

/**
 * The local (qualified) identity of the person a command is about: INS and traits; with {@code --sandbox}, the
 * INS of a sandbox persona is enough.
 */
public final class PersonOptions {

    @Option(names = "--ins", description = "Matricule INS (15 characters); with --sandbox alone, one of the sandbox personas.")
    String ins;

    @Option(names = "--oid", defaultValue = "1.2.250.1.213.1.4.8", description = "INS OID (default INS-NIR).") String oid;
    @Option(names = "--birth-name") String birthName;
    @Option(names = "--first-names", description = "First names of the birth certificate, space separated.") String firstNames;
    @Option(names = "--sex", description = "M or F") Sex sex;
    @Option(names = "--birth-date", description = "YYYY-MM-DD") LocalDate birthDate;
    @Option(names = "--birth-place", description = "COG code") String birthPlace;

    boolean given() {
        return ins != null;
    }

    Ins ins() {
        if (ins == null || ins.length() != 15) {
            throw InvalidInputException.format("--ins", "the 15-character matricule INS");
        }
        return Ins.asReturnedByInsi(ins.substring(0, 13), ins.substring(13), InsKind.fromOid(oid));
    }

    /** The identity, or null when no INS was given. */
    PersonIdentity identity(boolean sandbox) {
        if (ins == null) {
            return null;
        }
        if (birthName == null && sandbox) {
            if (ins.equals(fr.duiconnect.harness.dmp.KitDlu.KIT_PATIENT.ins().matricule())) {
                return fr.duiconnect.harness.dmp.KitDlu.KIT_PATIENT;   // the ANS kit DLU's patient, known to the DMP simulator
            }
            return InsPersona.byMatricule(ins).identity();
        }
        if (birthName == null || firstNames == null || sex == null || birthDate == null) {
            throw InvalidInputException.format("--ins", "given with --birth-name, --first-names, --sex and --birth-date (the local qualified identity)");
        }
        return new PersonIdentity("cli", new IdentityTraits(birthName, Arrays.asList(firstNames.trim().split("\\s+")), null, null,
                sex, birthDate, birthPlace), ins(), IdentityStatus.QUAL, Set.of());
    }
}
