package io.github.cqskpi.internal.wording;

import io.github.cqskpi.internal.ruleset.LoadedRuleSet;
import io.github.cqskpi.internal.ruleset.Noun;
import io.github.cqskpi.internal.rules.RecordState;
import io.github.cqskpi.internal.output.ResponseJson;
import io.github.cqskpi.internal.ruleset.TargetDef;
import io.github.cqskpi.internal.validate.ValidRecord;
import io.github.cqskpi.internal.judge.Verdict;
import io.github.cqskpi.Measurement;
import io.github.cqskpi.Message;
import io.github.cqskpi.Reason;
import io.github.cqskpi.ReasonCode;
import io.github.cqskpi.TargetResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The results of one evaluated record as API objects, in the rule set's target order, worded
 * by {@link Wording}. {@link ResponseJson#results} writes the same results without making them.
 */
public final class Results {

    private Results() {
    }

    public static List<TargetResult> of(LoadedRuleSet rs, RecordState s) {
        ValidRecord rec = s.record();
        List<TargetResult> out = new ArrayList<>(rs.targets().size());
        for (TargetDef t : s.applicable()) {
            Verdict v = s.verdict(t.ordinal());
            if (v == null) {
                v = Verdict.OUTSIDE_WINDOW;
            }
            ReasonCode code = v.reason();
            Reason reason = null;
            if (code != null) {
                Sentence.Plain text = new Sentence.Plain();
                Wording.reason(text, v, t, s, rs);
                reason = new Reason(code, text.toString(), v.missingKeys());
            }
            String reasonText = reason == null ? null : reason.text();
            Measurement actual = v.actual();
            Sentence.Plain vi = new Sentence.Plain();
            Noun noun = v.gap() == null ? null : rs.noun(v.gap().key());
            Wording.message(vi, Words.VI, t, v.status(), actual, v.required(), code, v.missingKeys(), null, v.gap(),
                    noun);
            Sentence.Plain en = new Sentence.Plain();
            Wording.message(en, Words.EN, t, v.status(), actual, v.required(), code, v.missingKeys(),
                    o -> o.text(reasonText), v.gap(), noun);
            out.add(new TargetResult(rec.index(), rec.unitId(), Optional.ofNullable(rec.name()), rec.level(), rec.period(), t.id(),
                    t.clause(), v.status(), Optional.ofNullable(actual), Optional.ofNullable(v.required()),
                    Optional.ofNullable(reason), Optional.ofNullable(v.gap()), new Message(vi.toString(), en.toString())));
        }
        return out;
    }
}
