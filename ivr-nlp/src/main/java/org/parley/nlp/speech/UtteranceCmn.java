package org.parley.nlp.speech;

import edu.cmu.sphinx.frontend.BaseDataProcessor;
import edu.cmu.sphinx.frontend.Data;
import edu.cmu.sphinx.frontend.DataEndSignal;
import edu.cmu.sphinx.frontend.DataProcessingException;
import edu.cmu.sphinx.frontend.DataStartSignal;
import edu.cmu.sphinx.frontend.DoubleData;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Cepstral mean normalisation that starts afresh with every utterance, for a decoder shared by many
 * calls: the mean is estimated on the utterance's first frames (up to one second, or all of a shorter
 * utterance), then follows the running mean. Sphinx's own LiveCMN carries its mean from one stream
 * to the next and breaks (a null sum) after a stream without speech; a shared decoder must give a
 * caller the same words whoever spoke on it before.
 */
public class UtteranceCmn extends BaseDataProcessor {

    private static final int INITIAL_FRAMES = 100;

    private final Deque<Data> pending = new ArrayDeque<>();
    private double[] sum;
    private long frames;

    @Override
    public void initialize() {
        super.initialize();
        reset();
    }

    private void reset() {
        pending.clear();
        sum = null;
        frames = 0;
    }

    @Override
    public Data getData() throws DataProcessingException {
        if (!pending.isEmpty()) {
            return normalise(pending.poll());
        }
        Data input = getPredecessor().getData();
        if (input instanceof DataStartSignal) {
            reset();
            return input;
        }
        if (input instanceof DoubleData first && sum == null) {
            // Collect the opening frames to estimate the mean before the first frame leaves.
            pending.add(first);
            accumulate(first.getValues());
            while (pending.size() < INITIAL_FRAMES) {
                Data next = getPredecessor().getData();
                if (next == null) {
                    break; // the front end has nothing more (ArrayDeque takes no null)
                }
                pending.add(next);
                if (next instanceof DoubleData d) {
                    accumulate(d.getValues());
                } else if (next instanceof DataEndSignal) {
                    break;
                }
            }
            return normalise(pending.poll());
        }
        if (input instanceof DoubleData d) {
            accumulate(d.getValues());
        }
        return normalise(input);
    }

    private void accumulate(double[] cepstrum) {
        if (sum == null) {
            sum = new double[cepstrum.length];
        }
        for (int i = 0; i < cepstrum.length; i++) {
            sum[i] += cepstrum[i];
        }
        frames++;
    }

    private Data normalise(Data data) {
        if (data instanceof DoubleData d && sum != null && frames > 0) {
            double[] c = d.getValues();
            for (int i = 0; i < c.length; i++) {
                c[i] -= sum[i] / frames;
            }
        }
        return data;
    }
}
