#ifndef CNKG_GRAPH_RESOLVE_H_
#define CNKG_GRAPH_RESOLVE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"

namespace cnkg {

// Entity resolution rules shared by every extractor: how a name becomes a stable key, and how an
// organisation's name is normalised so that one organisation is one node.

// True for a legal-form suffix such as "Inc", "Inc.", "LLC", "Ltd", "GmbH", "Corp.",
// "Corporation", "S.A.", compared case-insensitively and ignoring a trailing period.
bool IsLegalSuffix(std::string_view word);

// Removes trailing legal-form suffixes and what only follows them: "Red Hat, Inc." -> "Red Hat",
// "ConfigHub Inc" -> "ConfigHub", "Mirantis Inc - USA" -> "Mirantis", "Google LLC" -> "Google".
// A name that is nothing but a suffix is returned unchanged.
std::string StripLegalSuffix(std::string_view name);

// True for text in an organisation slot that names no organisation: "Independent", "Self",
// "Freelance", "None", "N/A", "Student" and pronouns such as "she/her".
bool IsNonOrganization(std::string_view text);

// The display name of an organisation: legal suffix stripped, a trailing "(ABBR)" removed,
// spaces collapsed, and the built-in alias table applied ("Amazon Web Services" -> "AWS").
std::string CanonicalOrganizationName(std::string_view raw);

// Other names an organisation goes by that can be read from its raw form: the "(NTT)" of
// "NIPPON TELEGRAPH AND TELEPHONE CORPORATION(NTT)", the raw name itself if it differs from the
// canonical one. Never contains the canonical name.
std::vector<std::string> OrganizationAliases(std::string_view raw);

// The canonical name of a KubeCon + CloudNativeCon edition named any of the usual ways:
// "KubeCon EU 2025", "KubeCon + CloudNativeCon Europe 2025", "KubeCon London 2025" and, with
// `year_hint` 2025 or because London hosted one edition that year, "KubeCon London" all give
// "KubeCon + CloudNativeCon Europe 2025". Uses the editions table data/gazetteer/events.tsv.
// Returns nullopt for other events or when region and year cannot both be told.
std::optional<std::string> CanonicalEventName(std::string_view name, int year_hint = 0);

// The UTC offset, in minutes east of UTC, of local time at a KubeCon + CloudNativeCon edition
// while it was held ("KubeCon + CloudNativeCon Europe 2025" -> 60, London in April), from
// data/gazetteer/events.tsv; nullopt for a name CanonicalEventName does not recognise (with
// `year_hint` as there).
std::optional<int> EventUtcOffsetMinutes(std::string_view name, int year_hint = 0);

// The usual other names of a canonical KubeCon edition ("KubeCon EU 2025", "KubeCon London
// 2025", "KubeCon London", ...); empty for a name CanonicalEventName does not recognise.
std::vector<std::string> EventAliases(std::string_view canonical);

// The stable key of an entity with this label and name: "<prefix>:<slug>", where organisations
// are keyed by their canonical name and recognised KubeCon editions by CanonicalEventName. Names
// that differ only in case, accents, spacing or punctuation get the same key.
std::string MakeKey(Label label, std::string_view name);

}  // namespace cnkg

#endif  // CNKG_GRAPH_RESOLVE_H_
