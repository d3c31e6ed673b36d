package fr.duiconnect.harness.dmp;

import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Sex;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The DMP simulator's people: every test INS has an open DMP except the personas below, who let an integrator see
 * the TD0.2 refusals (no DMP, closed DMP). Matricules are test NIRs (OID 1.2.250.1.213.1.4.10); keys computed.
 */
public final class DmpPersonas {

    /** A person without a DMP: TD0.2 answers NF, deposits are refused. */
    public static final Ins WITHOUT_DMP = ins("1850575111222");
    /** A person whose DMP was closed: deposits are refused. */
    public static final Ins CLOSED_DMP = ins("2790351215190");
    public static final LocalDate CLOSED_ON = LocalDate.of(2025, 6, 30);

    private static final Map<String, LocalDate> CLOSED = Map.of(CLOSED_DMP.matricule(), CLOSED_ON);

    /** The person without a DMP as a qualified identity, for deposits the DMP must refuse. */
    public static PersonIdentity personWithoutDmp() {
        return KitDlu.qualified(WITHOUT_DMP.number(), "SANSDMP", "ALAIN", Sex.M, LocalDate.of(1985, 5, 1));
    }

    private DmpPersonas() {
    }

    static boolean hasDmp(String matricule) {
        return !WITHOUT_DMP.matricule().equals(matricule);
    }

    static Optional<LocalDate> closedOn(String matricule) {
        return Optional.ofNullable(CLOSED.get(matricule));
    }

    private static Ins ins(String number) {
        return Ins.of(number, Ins.computeKey(number), InsKind.NIR_TEST);
    }
}
