package fr.duiconnect.dmp.cda;

/**
 * One problem found in a CDA document: a schema error or a failed schematron assertion.
 *
 * @param source   "schema" or the schematron's file name
 * @param id       the assertion's id or test, or the schema error's position
 * @param location where in the document (XPath for schematron, line:column for the schema)
 * @param text     the message as the kit words it
 */
public record CdaFinding(String source, String id, String location, String text) {
}
