package dev.bouncer.host.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Recipients as people and providers write them, and the ones refused with their reason. */
class RecipientsTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" is {1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, textBlock = """
            +4915112345678|+4915112345678
            +49 151 1234 5678|+4915112345678
            +49 151 12345678|+4915112345678
            +49-151-1234-5678|+4915112345678
            +49.151.1234.5678|+4915112345678
            +49/151/12345678|+4915112345678
            +49 (0)151 1234 5678|+4915112345678
            +49\u00a0151\u00a01234\u00a05678|+4915112345678
            0049 151 12345678|+4915112345678
            004915112345678|+4915112345678
            4915112345678|+4915112345678
            \s +4915112345678\t|+4915112345678
            tel:+4915112345678|+4915112345678
            TEL:+49-151-12345678|+4915112345678
            4915112345678@s.whatsapp.net|+4915112345678
            4915112345678@c.us|+4915112345678
            4915112345678:12@s.whatsapp.net|+4915112345678
            4915112345678@S.WhatsApp.Net|+4915112345678
            +1 (555) 010-0001|+15550100001
            (+1) 555-010-0001|+15550100001
            1-555-010-0001|+15550100001
            +44 20 7946 0958|+442079460958
            +44 (0)20 7946 0958|+442079460958
            +33 6 12 34 56 78|+33612345678
            +91 98765 43210|+919876543210
            +55 11 91234-5678|+5511912345678
            +234 803 123 4567|+2348031234567
            +86 138 0013 8000|+8613800138000
            +971 50 123 4567|+971501234567
            +7 912 345-67-89|+79123456789
            \u202a+49 151 12345678\u202c|+4915112345678
            \u200e+49\u2011151\u20131234\u20145678|+4915112345678
            \ufeff+49\u200b15112345678|+4915112345678
            +49\u2212151\u2009123\u202f45678|+4915112345678
            \u0660\u0660\u0664\u0669\u0661\u0665\u0661\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668|+4915112345678
            \uff0b\uff14\uff19\uff11\uff15\uff11\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18|+4915112345678
            """)
    void acceptsRealWorldNotationsAsE164(String raw, String e164) {
        Recipients.Result result = Recipients.normalise(raw);

        assertThat(result.problem()).isNull();
        assertThat(result.isValid()).isTrue();
        assertThat(result.e164()).isEqualTo(e164);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\": {1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, textBlock = """
            120363025246125486@g.us|group chats are not supported yet
            123-456@g.us|group chats are not supported yet
            4915112345678-1600000000@G.US|group chats are not supported yet
            123456789012345@lid|only phone numbers and ids ending in @s.whatsapp.net or @c.us
            status@broadcast|only phone numbers and ids ending in @s.whatsapp.net or @c.us
            1234567890@broadcast|only phone numbers and ids ending in @s.whatsapp.net or @c.us
            someone@example.com|only phone numbers and ids ending in @s.whatsapp.net or @c.us
            +49abc@s.whatsapp.net|the WhatsApp id must be digits before the @
            @c.us|the WhatsApp id must be digits before the @
            +1 555|is too short
            +44 12|is too short
            +49 1|is too short
            +49 15|is too short
            +33 6 12 34 56 7|is too short
            +1 555 010 00011|is too long
            +44 20 7946 0958 0|is too long
            +49 151 1234 5678 9012|is too long
            +49 151 1234 5678 9012 3456 7890|is too long
            4915112345678901234@s.whatsapp.net|is too long
            +999 1234 5678|starts with an unknown country code
            999 1234 5678|starts with an unknown country code
            ++4915112345678|must contain a single leading +
            +49+15112345678|must contain a single leading +
            0049+15112345678|must contain a single leading +
            0151 1234567|must include the country code
            (0151) 1234567|must include the country code
            +49 151 abc 5678|must be a phone number in international format
            +49 151 1234 5678 ext. 9|must be a phone number in international format
            fünf|must be a phone number in international format
            """)
    void rejectsWithTheReason(String raw, String reason) {
        Recipients.Result result = Recipients.normalise(raw);

        assertThat(result.isValid()).isFalse();
        assertThat(result.e164()).isNull();
        assertThat(result.problem()).contains(reason);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", " ", "\t", "()", "-", "+", "+ ( ) -", "tel:", "00"})
    void rejectsWhatIsEmptyAfterStrippingTheNotation(String raw) {
        Recipients.Result result = Recipients.normalise(raw);

        assertThat(result.isValid()).isFalse();
        assertThat(result.problem()).isNotBlank();
    }
}
