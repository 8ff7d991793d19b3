package org.parley.nlp.speech;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * The part of Debian's pocketsphinx 5prealpha C API (libpocketsphinx.so.3, libsphinxbase.so.3) Parley
 * uses, through JNA. Signatures as in pocketsphinx.h and cmd_ln.h.
 */
final class PocketSphinx {

    interface Decoder extends Library {
        Pointer ps_args();

        Pointer ps_init(Pointer config);

        int ps_free(Pointer ps);

        int ps_start_utt(Pointer ps);

        int ps_process_raw(Pointer ps, short[] data, long samples, int noSearch, int fullUtterance);

        int ps_end_utt(Pointer ps);

        String ps_get_hyp(Pointer ps, IntByReference bestScore);

        int ps_get_prob(Pointer ps);

        Pointer ps_get_logmath(Pointer ps);
    }

    interface Base extends Library {
        Pointer cmd_ln_parse_r(Pointer inout, Pointer definitions, int argc, String[] argv, int strict);

        int cmd_ln_free_r(Pointer config);

        double logmath_exp(Pointer logmath, int logValue);
    }

    private static final java.util.Map<String, Libraries> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    record Libraries(Decoder decoder, Base base) {
    }

    private PocketSphinx() {
    }

    /**
     * Loads the libraries once per name (by soname, so only the runtime packages are needed); throws
     * {@link UnsatisfiedLinkError} naming the packages when they are missing.
     */
    static Libraries load(String library) {
        return LOADED.computeIfAbsent(library, name -> {
            try {
                Base base = Native.load(name.replace("pocketsphinx", "sphinxbase"), Base.class);
                Decoder decoder = Native.load(name, Decoder.class);
                return new Libraries(decoder, base);
            } catch (UnsatisfiedLinkError e) {
                throw new UnsatisfiedLinkError("pocketsphinx is not installed (" + e.getMessage() + "): apt-get install libpocketsphinx3"
                        + " pocketsphinx-en-us, or set parley.speech.engine=sphinx4");
            }
        });
    }
}
