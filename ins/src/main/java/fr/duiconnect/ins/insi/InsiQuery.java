package fr.duiconnect.ins.insi;

import fr.duiconnect.core.model.Sex;

import java.time.LocalDate;

/**
 * One RECSANSVITALE call: the traits as sent (the prénom field holds one prénom, or several separated by spaces).
 *
 * @param birthPlaceCog null when the birth place is not sent
 */
public record InsiQuery(String birthName, String firstNames, Sex sex, LocalDate birthDate, String birthPlaceCog) {
}
