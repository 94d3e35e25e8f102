"""``policykg serve``: a local web app over the graph, with a SPARQL 1.1 Protocol endpoint.

``create_app(store, …)`` builds the ASGI app; ``serve(store_spec, …)`` opens a store and runs it on
uvicorn, bound to 127.0.0.1 unless told otherwise.
"""

from policykg.web.app import create_app, serve

__all__ = ["create_app", "serve"]
