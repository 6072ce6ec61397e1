package dev.bouncer.host.message;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises recipients to E.164. Accepts international numbers in the usual notations
 * ({@code +49 151 1234-5678}, {@code 0049...}, digits with the country code) and the WhatsApp
 * ids of providers ({@code ...@s.whatsapp.net}, {@code ...@c.us}). Only the number's length is
 * checked against its country (libphonenumber's "possible"), not its range, so new number
 * ranges are never refused. Sends, contacts and inbound messages all go through this one
 * normaliser, so one person always has one number.
 */
public final class Recipients {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** Where a + may stand is checked after the notation is stripped, to name the problem. */
    private static final Pattern NOTATION = Pattern.compile("[0-9+ ().\\-/\u00a0]+");
    /** E.164 allows 15 digits, even where libphonenumber's metadata allows longer numbers. */
    private static final int MAX_E164_DIGITS = 15;
    private static final Pattern USER_PART = Pattern.compile("[0-9]{1,20}(:[0-9]{1,5})?");

    private Recipients() {
    }

    /** The recipient as E.164, or the reason it is not one. */
    public static Result normalise(String raw) {
        String value = plain(raw).strip();
        int at = value.lastIndexOf('@');
        if (at >= 0) {
            return fromWhatsAppId(value.substring(0, at), value.substring(at + 1));
        }
        if (value.regionMatches(true, 0, "tel:", 0, 4)) {
            value = value.substring(4);
        }
        if (!NOTATION.matcher(value).matches()) {
            return Result.invalid("must be a phone number in international format, e.g. +4915112345678");
        }
        return fromDigits(value.replaceAll("[^0-9+]", ""));
    }

    /**
     * Undoes what copying a number from a contact card, a web page or a phone keyboard adds:
     * invisible direction marks and zero-width characters go, typographic dashes and spaces
     * become plain ones, and digits and plus signs of other scripts (Arabic-Indic, full-width) become ASCII.
     */
    private static String plain(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(c -> {
            if (Character.getType(c) == Character.FORMAT) {
                return;
            }
            if (Character.isDigit(c)) {
                out.append((char) ('0' + Character.digit(c, 10)));
            } else if (Character.getType(c) == Character.DASH_PUNCTUATION || c == '\u2212') {
                out.append('-');
            } else if (c == '\uff0b') {
                out.append('+');
            } else if (Character.isSpaceChar(c)) {
                out.append(' ');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static Result fromWhatsAppId(String user, String domain) {
        switch (domain.toLowerCase(Locale.ROOT)) {
            case "g.us":
                return Result.invalid("group chats are not supported yet; send to a phone number");
            case "s.whatsapp.net", "c.us":
                if (!USER_PART.matcher(user).matches()) {
                    return Result.invalid("the WhatsApp id must be digits before the @");
                }
                return fromDigits("+" + user.replaceFirst(":.*", ""));
            default:
                return Result.invalid("only phone numbers and ids ending in @s.whatsapp.net or "
                        + "@c.us are supported");
        }
    }

    private static Result fromDigits(String compact) {
        String international = compact.startsWith("00") ? "+" + compact.substring(2) : compact;
        if (!international.startsWith("+")) {
            if (international.startsWith("0")) {
                return Result.invalid("must include the country code, e.g. +4915112345678");
            }
            international = "+" + international;
        }
        if (international.indexOf('+', 1) >= 0) {
            return Result.invalid("must contain a single leading +");
        }
        return parse(international);
    }

    private static Result parse(String international) {
        try {
            PhoneNumber number = PHONES.parse(international, "ZZ");
            ValidationResult possible = PHONES.isPossibleNumberWithReason(number);
            // A number possible only locally lacks its area code: nobody abroad can reach it.
            if (possible != ValidationResult.IS_POSSIBLE) {
                return Result.invalid(describe(possible));
            }
            String e164 = PHONES.format(number, PhoneNumberFormat.E164);
            return e164.length() - 1 > MAX_E164_DIGITS
                    ? Result.invalid("is too long: E.164 allows " + MAX_E164_DIGITS + " digits")
                    : Result.valid(e164);
        } catch (NumberParseException e) {
            return Result.invalid(describe(e.getErrorType()));
        }
    }

    private static String describe(NumberParseException.ErrorType error) {
        return switch (error) {
            case INVALID_COUNTRY_CODE -> "starts with an unknown country code";
            case TOO_SHORT_NSN, TOO_SHORT_AFTER_IDD -> "is too short to be a phone number";
            case TOO_LONG -> "is too long to be a phone number";
            default -> "is not a phone number";
        };
    }

    private static String describe(ValidationResult reason) {
        return switch (reason) {
            case INVALID_COUNTRY_CODE -> "starts with an unknown country code";
            case TOO_SHORT, IS_POSSIBLE_LOCAL_ONLY -> "is too short for its country code";
            case TOO_LONG -> "is too long for its country code";
            default -> "has an impossible length for its country code";
        };
    }

    /** Either an E.164 number or the reason the input is not one. */
    public record Result(String e164, String problem) {

        static Result valid(String e164) {
            return new Result(e164, null);
        }

        static Result invalid(String problem) {
            return new Result(null, problem);
        }

        public boolean isValid() {
            return e164 != null;
        }
    }
}
