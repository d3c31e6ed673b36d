package fr.duiconnect.core.model;

/** The Luhn (mod 10) check the national numbers use for their last digit: RPPS, FINESS. */
final class Luhn {

    private Luhn() {
    }

    /** Whether a string of digits ends with its Luhn check digit. */
    static boolean valid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
