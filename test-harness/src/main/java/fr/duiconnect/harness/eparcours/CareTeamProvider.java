package fr.duiconnect.harness.eparcours;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import fr.duiconnect.harness.fhir.InsPersona;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The cercle de soins of each persona (CDS {@code cds-ihe-careteam}): the EHPAD, the home-care nurse and a GP,
 * searchable by {@code patient.identifier} (PCC-46), participants included.
 */
public final class CareTeamProvider implements IResourceProvider {

    private final PlatformStore store;
    private final String structureFiness;

    CareTeamProvider(PlatformStore store, String structureFiness) {
        this.store = store;
        this.structureFiness = structureFiness;
    }

    @Override
    public Class<CareTeam> getResourceType() {
        return CareTeam.class;
    }

    @Search
    public List<IBaseResource> search(@RequiredParam(name = "patient", chainWhitelist = {"identifier"}) ReferenceParam patient,
                                      @IncludeParam(allow = {"CareTeam:participant", "*"}) Set<Include> includes) {
        String token = patient.getValue();
        String matricule = token.substring(token.indexOf('|') + 1);
        InsPersona persona = InsPersona.ALL.stream().filter(p -> p.matricule().equals(matricule)).findFirst().orElse(null);
        List<IBaseResource> result = new ArrayList<>();
        if (persona == null) {
            return result;
        }
        CareTeam team = new CareTeam();
        team.setId("CareTeam/cds-" + persona.localId().toLowerCase());
        team.getMeta().addProfile("https://interop.esante.gouv.fr/ig/fhir/cds/StructureDefinition/cds-ihe-careteam");
        team.addIdentifier(new Identifier().setSystem("urn:sandbox:cds").setValue("cds-" + persona.localId()));
        team.setStatus(CareTeam.CareTeamStatus.ACTIVE);
        team.setName("Cercle de soins de " + persona.birthName());
        team.setSubject(new Reference("Patient/" + persona.localId()).setDisplay(persona.birthName()));
        team.getPeriod().setStartElement(new DateTimeType("2026-01-15"));
        member(team, "PractitionerRole/nurse-1-ssiad", "Infirmier", "2026-02-01");
        member(team, "Organization/ssiad-1", "Service de soins infirmiers à domicile", "2026-02-01");
        CareTeam.CareTeamParticipantComponent ehpad = team.addParticipant();
        ehpad.getMember().setType("Organization").setDisplay("EHPAD (sandbox)")
                .setIdentifier(new Identifier().setSystem("urn:oid:1.2.250.1.71.4.2.2").setValue(structureFiness));
        ehpad.addRole(new CodeableConcept(new Coding(null, null, "Établissement d'hébergement")));
        ehpad.getPeriod().setStartElement(new DateTimeType("2026-01-15"));
        result.add(team);
        return result;
    }

    private void member(CareTeam team, String reference, String role, String since) {
        CareTeam.CareTeamParticipantComponent participant = team.addParticipant();
        Reference member = new Reference(reference);
        store.actor(reference).ifPresent(actor -> {
            Resource copy = actor.copy();
            member.setResource(copy);
            if (copy instanceof org.hl7.fhir.r4.model.PractitionerRole practitionerRole) {
                store.actor(practitionerRole.getPractitioner().getReference()).ifPresent(p -> practitionerRole.getPractitioner().setResource(p.copy()));
            }
        });
        participant.setMember(member);
        participant.addRole(new CodeableConcept(new Coding(null, null, role)));
        participant.getPeriod().setStartElement(new DateTimeType(since));
    }
}
