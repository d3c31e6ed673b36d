package fr.duiconnect.core.error;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a peer wrote reaches messages and logs cut and on one line: a hostile answer cannot flood nor forge them. */
class RemoteTextTest {

    @Test
    void a_huge_remote_reason_is_cut_with_its_length_said() {
        RemoteServiceException e = new RemoteServiceException(CoreErrorCode.TRANSPORT, "R".repeat(10_000), "x".repeat(56_000_000));

        assertThat(e.getMessage()).hasSizeLessThan(700).contains("(56000000 characters)").contains("(10000 characters)");
        assertThat(e.remoteCode()).hasValueSatisfying(code -> assertThat(code).hasSizeLessThan(100));
    }

    @Test
    void control_characters_of_a_remote_text_become_spaces_so_no_log_line_can_be_forged() {
        RemoteServiceException e = new RemoteServiceException(CoreErrorCode.TRANSPORT, "E1\r\nINFO forged", "refused\n12:00:00 INFO all good");

        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r").contains("refused 12:00:00 INFO all good");
    }
}
