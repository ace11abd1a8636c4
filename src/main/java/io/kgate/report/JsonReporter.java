package io.kgate.report;

import io.kgate.check.LintResult;
import io.kgate.finding.Finding;
import io.kgate.finding.Severity;
import io.kgate.load.Skipped;
import io.kgate.model.ObjectRef;
import java.io.IOException;

/** The machine-readable report: {@code {"tool":…, "findings":[…], "summary":{…}}}. */
public final class JsonReporter implements Reporter {
    @Override
    public String render(LintResult r, ReportOptions options) {
        return Reporter.rendered(this, r, options);
    }

    @Override
    public void write(LintResult r, ReportOptions options, Appendable out) throws IOException {
        Json j = new Json(true);
        j.beginObject();
        j.name("tool").beginObject().field("name", "kgate").field("version", options.toolVersion()).endObject();
        j.name("findings").beginArray();
        for (Finding f : r.findings()) {
            j.beginObject()
                    .field("rule", f.rule())
                    .field("severity", f.severity().id())
                    .field("message", f.message())
                    .field("file", f.file())
                    .field("line", f.line())
                    .field("column", f.column());
            ObjectRef o = f.object();
            if (o != null) {
                j.name("object").beginObject()
                        .field("apiVersion", o.apiVersion())
                        .field("kind", o.kind())
                        .field("namespace", o.namespace())
                        .field("name", o.name())
                        .endObject();
            }
            j.field("path", f.path());
            j.endObject();
            j.passOnWhenFull(out);
        }
        j.endArray();
        var load = r.load();
        j.name("summary").beginObject()
                .field("files", load.files().size())
                .field("documents", load.documents())
                .field("objects", load.objects().size())
                .field("errors", r.count(Severity.ERROR))
                .field("warnings", r.count(Severity.WARNING))
                .field("infos", r.count(Severity.INFO));
        j.name("skipped").beginArray();
        for (Skipped s : load.skipped()) {
            j.beginObject().field("file", s.file()).field("reason", s.reason()).endObject();
        }
        j.endArray();
        j.endObject();
        j.endObject();
        j.passOn(out, "\n");
    }
}
