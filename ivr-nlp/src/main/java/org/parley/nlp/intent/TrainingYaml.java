package org.parley.nlp.intent;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Intent examples in YAML, one list per intent:
 * <pre>
 * lost_stolen_card:
 *   - I lost my card
 *   - my card was stolen
 * </pre>
 * Read as a node tree so every error names its line.
 */
final class TrainingYaml {

    private TrainingYaml() {
    }

    static TrainingData read(String source, Reader reader, int minExamplesPerIntent) throws TrainingDataException {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (YAMLException e) {
            throw new TrainingDataException(source + ": not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new TrainingDataException(source + ": the file is empty; expected 'intent:' followed by a list of examples");
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new TrainingDataException(source + " line " + line(root) + ": expected a mapping of intent names to lists of examples");
        }
        List<TrainingExample> examples = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key) || key.getValue().isBlank()) {
                throw new TrainingDataException(source + " line " + line(tuple.getKeyNode()) + ": an intent name must be plain text");
            }
            String intent = key.getValue().strip();
            if (!(tuple.getValueNode() instanceof SequenceNode list)) {
                throw new TrainingDataException(source + " line " + line(tuple.getValueNode()) + ": expected a list of examples under '"
                        + intent + "' (lines starting with '- ')");
            }
            for (Node item : list.getValue()) {
                if (!(item instanceof ScalarNode text)) {
                    throw new TrainingDataException(source + " line " + line(item) + ": an example of '" + intent + "' must be plain text");
                }
                if (text.getValue().isBlank()) {
                    throw new TrainingDataException(source + " line " + line(item) + ": empty text");
                }
                examples.add(new TrainingExample(text.getValue().strip(), intent, line(item)));
            }
        }
        return TrainingData.of(source, examples, minExamplesPerIntent);
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
