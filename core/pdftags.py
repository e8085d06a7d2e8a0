"""Keeping a tagged PDF's structure when its pages are inserted into
another tagged PDF with pypdf (a briefing pack appends the documents' own
PDFs to its generated, tagged pages).

pypdf copies a page without its ``/StructParents`` and copies nothing of
the source's structure tree, so the inserted page's marked content points
nowhere: a screen reader skips it or reads it as untagged. ``graft``
copies the source's structure elements into the target's tree, inside a
``/Part`` (with the source's language) placed in reading order after the
element of the page before the inserted ones, points them at the inserted
pages and gives each page (and each link annotation) a new key in the
target's parent tree. A source without a structure tree is left as it is
(its pages stay untagged content)."""

from __future__ import annotations

from typing import Any


def _number_tree(node: Any) -> dict[int, Any]:
    """A number tree (``/Nums`` pairs, or ``/Kids`` of them) as a dict."""
    node = node.get_object()
    found: dict[int, Any] = {}
    nums = node.get("/Nums")
    if nums is not None:
        nums = nums.get_object()
        for index in range(0, len(nums) - 1, 2):
            found[int(nums[index])] = nums[index + 1]
    for kid in node.get("/Kids", []):
        found.update(_number_tree(kid))
    return found


class _Copier:
    """Copies one source's structure elements into the writer, remembering
    each copy by the source object's number."""

    def __init__(self, writer: Any, pages: dict[int, Any], annotations: dict[int, Any]):
        self.writer = writer
        self.pages = pages  # source page idnum -> inserted page's reference
        self.annotations = annotations  # source annotation idnum -> copy's reference
        self.copies: dict[int, Any] = {}

    def element(self, source_ref: Any, parent_ref: Any) -> Any:
        from pypdf.generic import ArrayObject, DictionaryObject, NameObject

        source = source_ref.get_object()
        copy = DictionaryObject()
        ref = self.writer._add_object(copy)
        if hasattr(source_ref, "idnum"):
            self.copies[source_ref.idnum] = ref
        for key, value in source.items():
            if key == "/P":
                copy[NameObject("/P")] = parent_ref
            elif key == "/Pg":
                page = self.pages.get(getattr(source.raw_get(key), "idnum", None))
                if page is not None:
                    copy[NameObject("/Pg")] = page
            elif key == "/K":
                kids = value.get_object()
                kids = kids if isinstance(kids, ArrayObject) else [source.raw_get(key)]
                copy[NameObject("/K")] = ArrayObject(
                    k for k in (self.kid(kid, ref) for kid in kids) if k is not None)
            else:
                copy[NameObject(key)] = value.clone(self.writer)
        return ref

    def kid(self, kid: Any, parent_ref: Any) -> Any:
        from pypdf.generic import DictionaryObject, NameObject, NumberObject

        value = kid.get_object()
        if isinstance(value, int):  # a marked-content id on the element's page
            return NumberObject(value)
        if not isinstance(value, DictionaryObject):
            return None
        kind = value.get("/Type")
        if kind == "/MCR":
            reference = DictionaryObject({NameObject("/Type"): NameObject("/MCR"),
                                          NameObject("/MCID"): NumberObject(value["/MCID"])})
            page = self.pages.get(getattr(value.raw_get("/Pg"), "idnum", None)) \
                if "/Pg" in value else None
            if page is not None:
                reference[NameObject("/Pg")] = page
            return reference
        if kind == "/OBJR":
            annotation = self.annotations.get(getattr(value.raw_get("/Obj"), "idnum", None))
            if annotation is None:
                return None
            reference = DictionaryObject({NameObject("/Type"): NameObject("/OBJR"),
                                          NameObject("/Obj"): annotation})
            page = self.pages.get(getattr(value.raw_get("/Pg"), "idnum", None)) \
                if "/Pg" in value else None
            if page is not None:
                reference[NameObject("/Pg")] = page
            return reference
        return self.element(kid, parent_ref)

    def mapped(self, value: Any) -> Any:
        """A parent tree's value (an element, or an array of them per
        marked-content id) pointing at the copies."""
        from pypdf.generic import ArrayObject, NullObject

        target = value.get_object()
        if isinstance(target, ArrayObject):
            return ArrayObject(self.mapped(item) for item in target)
        return self.copies.get(getattr(value, "idnum", None), NullObject())


def graft(writer: Any, source: Any, inserted: list[Any]) -> bool:
    """Copy ``source``'s (a ``PdfReader``) structure tree into ``writer``'s,
    for ``inserted``: the writer's pages made from ``source.pages``, in
    order. Returns whether there was a structure to copy."""
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject

    source_root = source.trailer["/Root"]
    target_root = writer._root_object
    if "/StructTreeRoot" not in source_root or "/StructTreeRoot" not in target_root:
        return False
    source_tree = source_root["/StructTreeRoot"].get_object()
    tree = target_root["/StructTreeRoot"].get_object()
    document_ref = tree["/K"][0] if isinstance(tree["/K"], ArrayObject) else tree.raw_get("/K")
    document = document_ref.get_object()

    pages = {original.indirect_reference.idnum: page.indirect_reference
             for original, page in zip(source.pages, inserted, strict=True)}
    annotations = {}
    for original, page in zip(source.pages, inserted, strict=True):
        for before, after in zip(original.get("/Annots", []), page.get("/Annots", []),
                                 strict=False):
            if hasattr(before, "idnum"):
                annotations[before.idnum] = after
    copier = _Copier(writer, pages, annotations)

    part = DictionaryObject({NameObject("/Type"): NameObject("/StructElem"),
                             NameObject("/S"): NameObject("/Part"),
                             NameObject("/P"): document_ref})
    if "/Lang" in source_root:
        part[NameObject("/Lang")] = source_root["/Lang"].clone(writer)
    part_ref = writer._add_object(part)
    kids = source_tree.get("/K")
    kids = [] if kids is None else kids.get_object()
    kids = kids if isinstance(kids, ArrayObject) else [source_tree.raw_get("/K")]
    part[NameObject("/K")] = ArrayObject(
        k for k in (copier.kid(kid, part_ref) for kid in kids) if k is not None)

    # Reading order: after the last element on a page before the inserted ones.
    index_of = {page.indirect_reference.idnum: i for i, page in enumerate(writer.pages)}
    first = index_of[inserted[0].indirect_reference.idnum]
    top = document["/K"]
    position = 0
    for i, element in enumerate(top):
        page = element.get_object().raw_get("/Pg") if "/Pg" in element.get_object() else None
        if page is not None and index_of.get(getattr(page, "idnum", None), first) < first:
            position = i + 1
    top.insert(position, part_ref)

    # New keys in the parent tree for the inserted pages and their links.
    parent_tree = tree["/ParentTree"].get_object()
    entries = _number_tree(parent_tree)
    source_entries = _number_tree(source_tree["/ParentTree"]) \
        if "/ParentTree" in source_tree else {}
    next_key = max(entries, default=-1) + 1
    holders = [*zip(source.pages, inserted, strict=True)]
    holders += [(before.get_object(), after.get_object())
                for original, page in zip(source.pages, inserted, strict=True)
                for before, after in zip(original.get("/Annots", []), page.get("/Annots", []),
                                         strict=False)]
    for original, copy in holders:
        key_name = "/StructParents" if "/StructParents" in original else "/StructParent"
        if key_name not in original or int(original[key_name]) not in source_entries:
            copy.pop(NameObject(key_name), None)
            continue
        entries[next_key] = copier.mapped(source_entries[int(original[key_name])])
        copy[NameObject(key_name)] = NumberObject(next_key)
        next_key += 1
    parent_tree.pop(NameObject("/Kids"), None)
    parent_tree[NameObject("/Nums")] = ArrayObject(
        item for key in sorted(entries) for item in (NumberObject(key), entries[key]))
    tree[NameObject("/ParentTreeNextKey")] = NumberObject(next_key)

    role_map = source_tree.get("/RoleMap")
    if role_map is not None:
        ours = tree.setdefault(NameObject("/RoleMap"), DictionaryObject())
        for role, standard in role_map.get_object().items():
            ours.setdefault(NameObject(role), standard.clone(writer))
    return True


def withdraw_pdfua_claim(writer: Any) -> bool:
    """Remove the PDF/UA identification (``pdfuaid:part``) from the
    writer's XMP metadata: for a file that also holds untagged pages, which
    no longer conforms. Whether there was a claim."""
    import re

    from pypdf.generic import DecodedStreamObject, NameObject

    reference = writer._root_object.get("/Metadata")
    if reference is None:
        return False
    xmp = reference.get_object().get_data().decode("utf-8")
    withdrawn = re.sub(r'<rdf:Description rdf:about="" pdfuaid:part="\d+" */>', "", xmp)
    withdrawn = re.sub(r'\s*pdfuaid:part="\d+"', "", withdrawn)
    if withdrawn == xmp:
        return False
    stream = DecodedStreamObject()
    stream.set_data(withdrawn.encode("utf-8"))
    stream[NameObject("/Type")] = NameObject("/Metadata")
    stream[NameObject("/Subtype")] = NameObject("/XML")
    writer._root_object[NameObject("/Metadata")] = writer._add_object(stream)
    return True
