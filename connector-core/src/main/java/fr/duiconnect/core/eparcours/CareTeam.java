package fr.duiconnect.core.eparcours;

import java.util.List;

/** The cercle de soins of a person (CDS CareTeam): who takes part, with which role, since when. */
public record CareTeam(String id, String name, String status, List<Member> members) {

    public CareTeam {
        members = List.copyOf(members);
    }

    /** A participant: a professional (role), an organisation or a relative. */
    public record Member(String kind, String name, String role, String identifier, String since) {
    }
}
