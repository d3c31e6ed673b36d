package fr.duiconnect.ins.rules;

import static org.assertj.core.api.Assertions.assertThatCode;

final class InsiTraitRulesTestSupport {

    private InsiTraitRulesTestSupport() {
    }

    static void assertAccepted(String birthName) {
        assertThatCode(() -> InsiTraitRules.checkBirthName(birthName)).doesNotThrowAnyException();
    }
}
