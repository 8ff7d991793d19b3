package org.parley.nlp.audio;

import java.io.ByteArrayOutputStream;

/**
 * Finds one utterance in a stream of telephone audio (signed 16-bit little-endian mono PCM, fed in
 * frames as they arrive): speech starts when a few frames in a row are louder than the threshold
 * (an absolute floor, or three times the background level measured before speech, whichever is
 * higher); it ends after the configured trailing silence. Gives up with NO_INPUT when nothing is
 * said in time and with MAX_LENGTH when the caller does not stop. Not thread-safe: one per stream.
 */
public final class Endpointer {

    /** Settings; times in milliseconds, level as RMS of 16-bit samples. */
    public record Settings(int sampleRate, int trailingSilenceMs, int maxUtteranceMs, int noInputMs, double minSpeechRms,
                           int speechStartMs, int preRollMs) {

        /** 8 kHz telephone audio: 800 ms of trailing silence, 15 s at most, 5 s to start speaking. */
        public static Settings telephone() {
            return new Settings(8000, 800, 15_000, 5_000, 500, 60, 200);
        }

        public Settings {
            if (sampleRate <= 0 || trailingSilenceMs <= 0 || maxUtteranceMs <= 0 || noInputMs <= 0 || minSpeechRms <= 0) {
                throw new IllegalArgumentException("endpointing settings must be positive: " + this);
            }
        }
    }

    /** Where the stream stands after a frame. */
    public enum State { WAITING, SPEAKING, ENDED, NO_INPUT, MAX_LENGTH }

    private final Settings settings;
    private final ByteArrayOutputStream speech = new ByteArrayOutputStream();
    private final ByteArrayOutputStream preRoll = new ByteArrayOutputStream();
    private State state = State.WAITING;
    private long samplesSeen;
    private long speechSamples;
    private long silentSamples;
    private long loudRunSamples;
    private double noiseRms = -1;

    public Endpointer(Settings settings) {
        this.settings = settings;
    }

    /** Takes the next frame of PCM ({@code length} bytes from {@code offset}); returns the new state. */
    public State offer(byte[] pcm, int offset, int length) {
        if (state != State.WAITING && state != State.SPEAKING) {
            return state;
        }
        int samples = length / 2;
        double rms = rms(pcm, offset, samples);
        samplesSeen += samples;
        double threshold = Math.max(settings.minSpeechRms(), noiseRms < 0 ? 0 : noiseRms * 3);
        boolean loud = rms >= threshold;
        if (state == State.WAITING) {
            keepPreRoll(pcm, offset, length);
            if (loud) {
                loudRunSamples += samples;
                if (loudRunSamples >= ms(settings.speechStartMs())) {
                    state = State.SPEAKING;
                    speech.writeBytes(preRoll.toByteArray());
                    speechSamples = preRoll.size() / 2;
                    silentSamples = 0;
                }
            } else {
                loudRunSamples = 0;
                noiseRms = noiseRms < 0 ? rms : 0.95 * noiseRms + 0.05 * rms;
                if (samplesSeen >= ms(settings.noInputMs())) {
                    state = State.NO_INPUT;
                }
            }
            return state;
        }
        speech.write(pcm, offset, length);
        speechSamples += samples;
        silentSamples = loud ? 0 : silentSamples + samples;
        if (silentSamples >= ms(settings.trailingSilenceMs())) {
            state = State.ENDED;
        } else if (speechSamples >= ms(settings.maxUtteranceMs())) {
            state = State.MAX_LENGTH;
        }
        return state;
    }

    public State state() {
        return state;
    }

    /** The utterance so far (with a little audio from before it started), as PCM. */
    public byte[] speech() {
        return speech.toByteArray();
    }

    /** Milliseconds of audio taken in. */
    public long heardMs() {
        return samplesSeen * 1000 / settings.sampleRate();
    }

    private void keepPreRoll(byte[] pcm, int offset, int length) {
        preRoll.write(pcm, offset, length);
        int keep = (int) ms(settings.preRollMs()) * 2;
        if (preRoll.size() > keep) {
            byte[] all = preRoll.toByteArray();
            preRoll.reset();
            preRoll.write(all, all.length - keep, keep);
        }
    }

    private long ms(int millis) {
        return (long) settings.sampleRate() * millis / 1000;
    }

    private static double rms(byte[] pcm, int offset, int samples) {
        if (samples == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < samples; i++) {
            int lo = pcm[offset + 2 * i] & 0xff;
            int hi = pcm[offset + 2 * i + 1];
            int sample = (hi << 8) | lo;
            sum += (double) sample * sample;
        }
        return Math.sqrt(sum / samples);
    }
}
