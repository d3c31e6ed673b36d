package fr.duiconnect.cli;

import fr.duiconnect.core.dmp.content.GeneratedCda;
import fr.duiconnect.core.dmp.content.LiaisonLetter;
import fr.duiconnect.core.dmp.content.PreviousVersion;
import fr.duiconnect.dmp.document.CdaDocumentWriter;
import fr.duiconnect.dmp.document.ResidentJson;
import fr.duiconnect.dmp.document.Terminology;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code dui-connect dmp dlu | letter}: write a DLU or a liaison letter from the resident's JSON record, locally. */
final class DmpDocumentCommands {

    private DmpDocumentCommands() {
    }

    /** The version a new document replaces (its three identifiers, printed when it was written). */
    static final class Replaces {
        @Option(names = "--replaces", required = true, paramLabel = "UNIQUE_ID", description = "uniqueId of the version this one replaces.")
        String uniqueId;

        @Option(names = "--replaces-set-id", required = true, paramLabel = "SET_ID", description = "setId of the version this one replaces.")
        String setId;

        @Option(names = "--replaces-version", required = true, paramLabel = "N", description = "versionNumber of the version this one replaces.")
        int version;

        PreviousVersion previous() {
            return new PreviousVersion(uniqueId, setId, version);
        }
    }

    /** What both commands share: output, optional replacement, optional kit validation. */
    abstract static class Writing implements Callable<Integer> {

        @Spec CommandSpec spec;

        @Option(names = "--resident", required = true, paramLabel = "resident.json", description = "The resident's record as JSON (see samples/resident-example.json).")
        Path resident;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the CDA document.")
        Path out;

        @Option(names = "--kit", paramLabel = "DIR", description = "Also validate the document with the ANS CDA kit (schema + schematrons).")
        Path kit;

        @Option(names = "--profiles", description = "With --kit: also the kit's body profiles (IHE PCC, CI-SIS content models).")
        boolean profiles;

        @ArgGroup(exclusive = false)
        Replaces replaces;

        abstract GeneratedCda write(CdaDocumentWriter writer, PreviousVersion previous) throws Exception;

        @Override
        public Integer call() throws Exception {
            PrintWriter console = spec.commandLine().getOut();
            // with the kit, the pre-checks also use its value sets (codes refused outside them, display names completed)
            Terminology terminology = kit == null ? Terminology.none() : Terminology.fromKit(kit);
            GeneratedCda document = write(new CdaDocumentWriter(Clock.systemDefaultZone(), CdaDocumentWriter.DEFAULT_MAX_ATTACHMENT_BYTES, terminology),
                    replaces == null ? null : replaces.previous());
            Files.write(out, document.xml());
            console.printf("%s: uniqueId %s, setId %s, version %d (%d bytes)%n", out, document.uniqueId(), document.setId(),
                    document.versionNumber(), document.xml().length);
            if (kit == null) {
                return 0;
            }
            return DmpCommand.validated(console, kit, document.xml(), profiles, "kit");
        }
    }

    @Command(name = "dlu", mixinStandardHelpOptions = true,
            description = "Write the resident's DLU (volet DLU-EHPAD 2022.01) after the pre-checks; optionally validate it with the kit.")
    static final class Dlu extends Writing {
        @Override
        GeneratedCda write(CdaDocumentWriter writer, PreviousVersion previous) {
            return writer.dlu(ResidentJson.read(resident), previous);
        }
    }

    @Command(name = "letter", mixinStandardHelpOptions = true,
            description = "Write an entry or exit liaison letter (CDA R2 level 1 around the PDF) for the resident.")
    static final class Letter extends Writing {

        @Option(names = "--kind", required = true, description = "ENTREE (88348-8) or SORTIE (83981-1).")
        LiaisonLetter.LiaisonLetterKind kind;

        @Option(names = "--pdf", required = true, paramLabel = "letter.pdf", description = "The letter as the DUI rendered it.")
        Path pdf;

        @Option(names = "--stay-start", paramLabel = "yyyy-MM-dd") LocalDate stayStart;
        @Option(names = "--stay-end", paramLabel = "yyyy-MM-dd") LocalDate stayEnd;

        @Override
        GeneratedCda write(CdaDocumentWriter writer, PreviousVersion previous) throws Exception {
            return writer.liaisonLetter(ResidentJson.letter(resident, kind,
                    fr.duiconnect.core.model.PdfContent.read(pdf, CdaDocumentWriter.DEFAULT_MAX_ATTACHMENT_BYTES, "--pdf"), stayStart, stayEnd), previous);
        }
    }
}
