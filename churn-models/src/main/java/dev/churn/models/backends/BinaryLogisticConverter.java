package dev.churn.models.backends;

import com.google.protobuf.Any;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostOutputConverter;
import org.tribuo.common.xgboost.protos.XGBoostOutputConverterProto;

/**
 * Turns the single output of a {@code binary:logistic} booster, P(positive), into a Tribuo label
 * distribution over {@code "0"} and {@code "1"}. Tribuo's own classification converter expects one
 * output per class ({@code multi:softprob}), so a binary booster needs this one for Tribuo's
 * {@code XGBoostModel.predict} to be right. Churn itself scores with compiled trees and never calls
 * it; it exists so the Tribuo model inside a churn model stays a correct Tribuo model.
 */
final class BinaryLogisticConverter implements XGBoostOutputConverter<Label> {
  private static final long serialVersionUID = 1L;

  BinaryLogisticConverter() {}

  /** Tribuo's protobuf deserialization entry point (called reflectively). */
  static BinaryLogisticConverter deserializeFromProto(int version, String className, Any message) {
    if (version != 0) {
      throw new IllegalArgumentException("unknown BinaryLogisticConverter version " + version);
    }
    return new BinaryLogisticConverter();
  }

  @Override
  public boolean generatesProbabilities() {
    return true;
  }

  @Override
  public Prediction<Label> convertOutput(ImmutableOutputInfo<Label> info, List<float[]> output,
      int numValidFeatures, Example<Label> example) {
    if (output.size() != 1) {
      throw new IllegalArgumentException("expected the output of one booster but got " + output.size());
    }
    return prediction(output.get(0)[0], numValidFeatures, example);
  }

  @Override
  public List<Prediction<Label>> convertBatchOutput(ImmutableOutputInfo<Label> info,
      List<float[][]> output, int[] numValidFeatures, Example<Label>[] examples) {
    if (output.size() != 1) {
      throw new IllegalArgumentException("expected the output of one booster but got " + output.size());
    }
    float[][] p = output.get(0);
    List<Prediction<Label>> out = new ArrayList<>(p.length);
    for (int i = 0; i < p.length; i++) {
      out.add(prediction(p[i][0], numValidFeatures[i], examples[i]));
    }
    return out;
  }

  private static Prediction<Label> prediction(float positive, int numValidFeatures,
      Example<Label> example) {
    Label pos = new Label(TribuoData.POSITIVE, positive);
    Label neg = new Label(TribuoData.NEGATIVE, 1.0 - positive);
    Map<String, Label> scores = new LinkedHashMap<>();
    scores.put(TribuoData.NEGATIVE, neg);
    scores.put(TribuoData.POSITIVE, pos);
    return new Prediction<>(positive >= 0.5f ? pos : neg, scores, numValidFeatures, example, true);
  }

  @Override
  public Class<Label> getTypeWitness() {
    return Label.class;
  }

  @Override
  public XGBoostOutputConverterProto serialize() {
    return XGBoostOutputConverterProto.newBuilder()
        .setVersion(0)
        .setClassName(BinaryLogisticConverter.class.getName())
        .build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BinaryLogisticConverter;
  }

  @Override
  public int hashCode() {
    return BinaryLogisticConverter.class.hashCode();
  }
}
