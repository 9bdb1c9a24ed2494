#ifndef CNKG_EXTRACT_GRAMMAR_PROJECT_DEFINITIONS_H_
#define CNKG_EXTRACT_GRAMMAR_PROJECT_DEFINITIONS_H_

#include <string>
#include <string_view>
#include <vector>

namespace cnkg {

// Software a text names and says what it is, so that it counts as a project mention even when no
// gazetteer knows it: "a benchmarking tool called inference-perf", "kube-rs, a Rust crate",
// "Kubert is built on top of kube-rs", a title "CASPIAN: A Carbon-Optimized Multi-Cluster Job
// Scheduler". Returns the names as written, in order of first appearance, each once. Names that
// are common English words or look like a person's name are left out. Linear in `text`; at most
// the first 20,000 bytes are read.
std::vector<std::string> FindDefinedProjects(std::string_view text);

// The project a link names when its text is the name of the repository it points to:
// "[descheduler](https://github.com/kubernetes-sigs/descheduler)" names "descheduler". The text
// is compared with the repository name ignoring case and '-', '_' or ' ' differences; GitHub and
// GitLab repositories only. Returns "" otherwise, and for names that are common English words
// ("[community](https://github.com/kubernetes/community)").
std::string ProjectNamedByRepoLink(std::string_view link_text, std::string_view url);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_GRAMMAR_PROJECT_DEFINITIONS_H_
