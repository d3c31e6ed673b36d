package fr.duiconnect.core.ins;

import fr.duiconnect.core.model.Ins;

import java.time.LocalDate;

/** An INSHISTO entry: a matricule the person had before, with its validity dates when INSi gives them. */
public record FormerIns(Ins ins, LocalDate from, LocalDate to) {
}
