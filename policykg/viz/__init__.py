"""Views of the graph: networkx data first, then interactive offline HTML pages and charts.

One entry point for the command line, the build and the web app: :func:`write_views` writes the
main views, :func:`write_view` one view (both in :mod:`policykg.viz.views`).  The modules, from the
store up:

- :mod:`.data`: the ``viz_*`` query rows and the one typed networkx graph built from them;
- :mod:`.subgraphs`: the nodes each view shows; :mod:`.trees` and :mod:`.layout`: their positions;
- :mod:`.network` and :mod:`.page`: a view as a self-contained HTML page;
- :mod:`.charts`: PNG and SVG charts; :mod:`.ontology`: the class diagram of the ontology.

Importing this package loads none of networkx, pyvis or matplotlib; they are imported when a view
is drawn, so commands that do not draw start fast.
"""

from policykg.viz.views import DEFAULT_KINDS, VIEW_KINDS, write_view, write_views

__all__ = ["DEFAULT_KINDS", "VIEW_KINDS", "write_view", "write_views"]
