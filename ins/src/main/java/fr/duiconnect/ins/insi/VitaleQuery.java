package fr.duiconnect.ins.insi;

/** One RECVITALE call: the beneficiary's number, birth name, date and rank as read from the carte Vitale. */
public record VitaleQuery(String beneficiaryNir, String birthName, String birthDate, String birthRank) {
}
