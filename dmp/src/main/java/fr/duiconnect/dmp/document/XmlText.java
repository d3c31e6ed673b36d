package fr.duiconnect.dmp.document;

import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.dmp.DmpErrorCode;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

/**
 * Refuses text XML 1.0 cannot carry (control characters pasted from a word processor: U+0002, U+0007, U+000B…,
 * lone surrogates, U+FFFE/U+FFFF) anywhere in what the DUI hands over, naming the field: such a character would
 * make an ill-formed CDA, and silently dropping it would change what a professional wrote. Walks records, lists and
 * maps by their component names, so a new field of the public records is covered without being listed here.
 */
final class XmlText {

    private XmlText() {
    }

    static void requireLegal(Object value, String path) {
        if (value == null) {
            return;
        }
        if (value instanceof CharSequence text) {
            int bad = firstIllegal(text);
            if (bad >= 0) {
                throw new InvalidInputException(DmpErrorCode.DOCUMENT_CONTENT, path, String.format(
                        "text without XML-illegal characters (U+%04X at position %d; XML 1.0 allows tab, line feed, carriage return and printable characters)",
                        (int) text.charAt(bad), bad));
            }
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                if (component.getType() == byte[].class) {
                    continue;   // PDFs travel in base64
                }
                requireLegal(read(component, record), path + "." + component.getName());
            }
        } else if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object element : list) {
                requireLegal(element, path + "[" + i++ + "]");
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> requireLegal(element, path + "." + key));
        }
    }

    /** Index of the first character XML 1.0 does not allow, or -1. */
    static int firstIllegal(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            boolean legal = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD;
            if (!legal) {
                return i;
            }
        }
        return -1;
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("record component " + component.getName() + " cannot be read", e);
        }
    }
}
