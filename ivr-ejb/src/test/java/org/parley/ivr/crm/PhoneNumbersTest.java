package org.parley.ivr.crm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void theCrmsAndTheNetworksFormsMeetInE164() {
        assertThat(PhoneNumbers.normalise("(555) 010-2000", "1")).isEqualTo("+15550102000");
        assertThat(PhoneNumbers.normalise("5550102000", "1")).isEqualTo("+15550102000");
        assertThat(PhoneNumbers.normalise("15550102000", "1")).isEqualTo("+15550102000");
        assertThat(PhoneNumbers.normalise("+1 555 010 2000", "1")).isEqualTo("+15550102000");
        assertThat(PhoneNumbers.normalise("0044 20 7946 0000", "1")).isEqualTo("+442079460000");
        assertThat(PhoneNumbers.normalise("020 7946 0000", "44")).isEqualTo("+442079460000");
    }

    @Test
    void withheldAndGarbageAreNoNumber() {
        assertThat(PhoneNumbers.normalise("anonymous", "1")).isEmpty();
        assertThat(PhoneNumbers.normalise("", "1")).isEmpty();
        assertThat(PhoneNumbers.normalise("(555) 123-4567 0123 4567", "1")).as("more than E.164's 15 digits").isEmpty();
        assertThat(PhoneNumbers.normalise("+\u0661\u0662\u0663\u0664\u0665", "1")).as("digits of another script").isEmpty();
        assertThat(PhoneNumbers.normalise(null, "1")).isEmpty();
        assertThat(PhoneNumbers.normalise("12", "1")).isEmpty();
        assertThat(PhoneNumbers.normalise("not a number", "1")).isEmpty();
    }
}
