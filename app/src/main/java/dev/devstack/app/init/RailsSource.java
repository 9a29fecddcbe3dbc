package dev.devstack.app.init;

import java.util.Optional;
import java.util.regex.Pattern;

/** A Gemfile with the rails gem: the Rails server. */
final class RailsSource implements InitSource {

    private static final Pattern RAILS_GEM = Pattern.compile("(?m)^\\s*gem\\s+[\"']rails[\"']");

    @Override
    public Optional<SourceScan> scan(ProjectFiles files) {
        Optional<String> gemfile = files.text("Gemfile");
        if (gemfile.isEmpty() || !RAILS_GEM.matcher(gemfile.get()).find()) {
            return Optional.empty();
        }
        ServiceDraft web = ServiceDraft.of("web", "Gemfile", "bin/rails server").withPreset("rails");
        return Optional.of(new SourceScan.Builder().read("Gemfile")
                .service(web, "gem rails → web (preset rails)").build());
    }
}
