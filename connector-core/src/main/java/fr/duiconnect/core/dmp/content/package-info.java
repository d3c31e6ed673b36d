/**
 * What the DUI knows of a person, as plain records, for the CDA documents the connector writes for the DMP: the
 * DLU of an EHPAD resident ({@link fr.duiconnect.core.dmp.content.ResidentRecord}) and the entry and exit liaison
 * letters of establishments for disabled persons ({@link fr.duiconnect.core.dmp.content.LiaisonLetter}).
 * Records check their own shape; the rules that span several fields (qualified INS, médecin traitant present,
 * code lists) are the generator's pre-checks, which name the field they refuse.
 */
package fr.duiconnect.core.dmp.content;
