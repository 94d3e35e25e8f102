"""Records to triples: determinism, provenance of every fact, and the ontology terms used."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from policykg.build import corpus_ntriples, parse_corpus
from policykg.graph.triples import OA
from policykg.loaders.text.documents import bundled_corpus
from policykg.ontology.vocab import PKG


def test_same_input_gives_identical_sorted_ntriples() -> None:
    """Building twice from the corpus gives byte-identical N-Triples (stable IRIs, no blank nodes)."""
    first = corpus_ntriples(parse_corpus(bundled_corpus()))
    second = corpus_ntriples(parse_corpus(bundled_corpus()))
    assert first == second
    assert "_:" not in first
    assert first.splitlines() == sorted(first.splitlines())


def test_every_section_is_traceable_to_document_and_span(corpus, structures) -> None:
    """Each section has a document and an evidence node whose selectors quote its heading."""
    items = [(corpus[k], structures[k]) for k in sorted(corpus)]
    graph = Graph()
    graph.parse(data=corpus_ntriples(items), format="nt")
    sections = list(graph.subjects(RDF.type, PKG.Section))
    assert len(sections) == sum(len(s.sections) for s in structures.values())
    for section in sections:
        evidence = graph.value(section, PKG.evidence)
        assert evidence is not None
        doc_node = graph.value(evidence, OA.hasSource)
        assert (section, PKG.inDocument, doc_node) in graph
        text = corpus[str(graph.value(doc_node, PKG.fileName))].text
        selectors = list(graph.objects(evidence, OA.hasSelector))
        start = end = exact = None
        for sel in selectors:
            if (sel, RDF.type, OA.TextPositionSelector) in graph:
                start, end = int(graph.value(sel, OA.start)), int(graph.value(sel, OA.end))
            else:
                exact = str(graph.value(sel, OA.exact))
        assert text[start:end] == exact


def test_section_goal_is_a_qualified_alignment(corpus, structures) -> None:
    """A section with a goal has servesGoal, contributesTo and an alignment node with basis and confidence."""
    doc = corpus["001_6041d7e2bd5c6023.txt"]
    graph = Graph()
    graph.parse(data=corpus_ntriples([(doc, structures[doc.id])]), format="nt")
    goal = URIRef("https://w3id.org/policykg/id/goal/P3")
    serving = set(graph.subjects(PKG.servesGoal, goal))
    assert serving
    for section in serving:
        assert (section, PKG.contributesTo, goal) in graph
        alignment = graph.value(section, PKG.alignment)
        assert graph.value(alignment, PKG.alignedGoal) == goal
        assert str(graph.value(alignment, PKG.basis)) == "explicit"


def test_ntriples_escape_line_breaks_and_quotes() -> None:
    """Multi-line text with quotes and backslashes serialises as valid N-Triples that parses back."""
    from rdflib import Literal

    from policykg.graph.triples import to_ntriples

    text = '第一行\n“引号”与"quote"\\反斜杠\r'
    nt = to_ntriples([(URIRef("http://x/s"), URIRef("http://x/p"), Literal(text, lang="zh"))])
    assert nt.count("\n") == 1
    graph = Graph()
    graph.parse(data=nt, format="nt")
    assert str(next(iter(graph.objects()))) == text


def test_two_workers_build_the_same_graph() -> None:
    """Extracting documents in two processes gives byte-identical N-Triples."""
    items = parse_corpus(bundled_corpus())
    assert corpus_ntriples(items, workers=2) == corpus_ntriples(items)
