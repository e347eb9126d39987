"""SPARQL 1.1 servers: answering from one (``RemoteStore``) and loading the archive into one (``push``)."""
