package fr.duiconnect.cli.annuaire;

import fr.duiconnect.cli.conformance.ConformanceContext;
import fr.duiconnect.cli.conformance.ConformanceScenario;
import fr.duiconnect.cli.conformance.ConformanceScenarioProvider;
import fr.duiconnect.cli.conformance.ScenarioOutcome;
import fr.duiconnect.cli.conformance.ServiceScenario;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.directory.DirectorySearch;
import fr.duiconnect.core.directory.Mailbox;
import fr.duiconnect.core.directory.MailboxType;
import fr.duiconnect.core.directory.Practitioner;
import fr.duiconnect.core.directory.Recipient;
import fr.duiconnect.harness.annuaire.AnnuaireSimulator;
import fr.duiconnect.harness.annuaire.DirectoryStore.SimProfessional;

import java.util.List;
import java.util.function.Predicate;

/**
 * Annuaire Santé conformance: a professional found by RPPS with their mailboxes and BAL types, the personal mailbox
 * chosen for a message by RPPS, an unknown RPPS answered as such, homonyms all listed, repeated lookups not asked again.
 */
public final class AnnuaireConformanceScenarios implements ConformanceScenarioProvider {

    private static final ServiceScenario.Factory ANN = ServiceScenario.of(ServiceSocle.ANNUAIRE);
    private static final String API = "ANS Annuaire Santé FHIR API v2 (as-dp-practitioner, as-mailbox-mss, TRE_R257-TypeBAL)";

    private static SimProfessional professional(ConformanceContext context, Predicate<SimProfessional> which) {
        return simulator(context).store().professionals().stream().filter(which).findFirst().orElseThrow();
    }

    private static AnnuaireSimulator simulator(ConformanceContext context) {
        return context.sandboxIfAny().orElseThrow().simulator(AnnuaireSimulator.class);
    }

    @Override
    public List<ConformanceScenario> scenarios() {
        return List.of(
                ANN.scenario("ANN-01", "A professional is found by RPPS with their MSSanté mailboxes and BAL types",
                        "Recherche Practitioner par identifiant national (idNatPs = 8 + RPPS) ; BAL = telecom email de type MSSANTE, type PER/CAB",
                        API, true, context -> {
                    SimProfessional known = professional(context, p -> p.perMailbox() != null && p.cabMailbox() != null);
                    Practitioner found = context.connector().directory().practitioner(known.rpps()).orElse(null);
                    boolean ok = found != null && found.mailboxes().stream().map(Mailbox::type).toList()
                            .containsAll(List.of(MailboxType.PER, MailboxType.CAB));
                    return ScenarioOutcome.check(ok, "RPPS " + known.rpps() + " found with PER and CAB mailboxes",
                            "RPPS " + known.rpps() + " not found with its PER and CAB mailboxes: " + found);
                }),
                ANN.scenario("ANN-02", "A message by RPPS goes to the professional's personal mailbox",
                        "Le destinataire désigné par RPPS est résolu vers sa BAL personnelle (PER), pas une BAL de cabinet ou organisationnelle",
                        API, true, context -> {
                    SimProfessional known = professional(context, p -> p.active() && p.perMailbox() != null && p.cabMailbox() != null);
                    String address = Recipient.byRpps(known.rpps()).address(context.connector().directory());
                    return ScenarioOutcome.check(known.perMailbox().equals(address), "resolved to " + address,
                            "resolved to " + address + ", expected " + known.perMailbox());
                }),
                ANN.scenario("ANN-03", "An RPPS the directory does not know is answered as unknown, a message to it refused",
                        "Un RPPS inconnu de l'annuaire ne donne ni professionnel ni BAL ; l'envoi par RPPS est refusé (DIRECTORY-RPPS-UNKNOWN)",
                        API, true, context -> {
                    String unknown = "20000000008";
                    if (context.connector().directory().practitioner(unknown).isPresent()) {
                        return ScenarioOutcome.fail("RPPS " + unknown + " was found");
                    }
                    return ServiceScenario.refusedWith("DIRECTORY-RPPS-UNKNOWN",
                            () -> Recipient.byRpps(unknown).address(context.connector().directory()));
                }),
                ANN.scenario("ANN-04", "Homonyms are all listed and a city tells them apart",
                        "Recherche par nom : tous les homonymes sont rendus ; avec la ville d'exercice, seul celui de la ville",
                        API, true, context -> {
                    long all = context.connector().directory().search(DirectorySearch.byName("MARTIN")).stream()
                            .filter(p -> p.givenNames().contains("Claire")).count();
                    long lyon = context.connector().directory().search(DirectorySearch.byName("MARTIN").inCity("LYON")).stream()
                            .filter(p -> p.givenNames().contains("Claire")).count();
                    return ScenarioOutcome.check(all >= 2 && lyon == 1, all + " Claire MARTIN in all, " + lyon + " in Lyon",
                            all + " Claire MARTIN in all, " + lyon + " in Lyon (expected at least 2, then 1)");
                }),
                ANN.scenario("ANN-05", "A repeated lookup is answered from the cache, without a new request",
                        "Un DUI qui envoie mille DLU n'interroge pas mille fois l'annuaire : cache borné avec expiration (dui.annuaire.option.cache.ttl)",
                        API, true, context -> {
                    SimProfessional known = professional(context, p -> !p.active());
                    context.connector().directory().practitioner(known.rpps());
                    long before = simulator(context).requestCount();
                    context.connector().directory().practitioner(known.rpps());
                    context.connector().directory().mailboxesOf(known.rpps());
                    long after = simulator(context).requestCount();
                    return ScenarioOutcome.check(after == before, "no request for the repeated lookups",
                            (after - before) + " request(s) for lookups already answered");
                }));
    }
}
