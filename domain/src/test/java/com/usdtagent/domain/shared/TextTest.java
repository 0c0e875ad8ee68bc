package com.usdtagent.domain.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextTest {

    @Test
    void textOfOnlyInvisibleSpacesIsBlank() {
        assertThat(Text.isBlank("\u200B\u00A0\uFEFF\u2060 \t")).isTrue();
        assertThat(Text.isBlank(null)).isTrue();
        assertThat(Text.isBlank("\u00A0ok\u200B")).isFalse();
    }

    @Test
    void nulControlCharactersAndLoneSurrogatesCannotBeStored() {
        assertThat(Text.problem("a\u0000b")).isPresent();
        assertThat(Text.problem("bell\u0007")).isPresent();
        assertThat(Text.problem("half \uD83D")).isPresent();
        assertThat(Text.problem("\uDE00 low first")).isPresent();
    }

    @Test
    void lineBreaksTabsAndWholeEmojiAreText() {
        assertThat(Text.problem("two\nlines\r\n\tand \uD83D\uDE00")).isEmpty();
    }
}
