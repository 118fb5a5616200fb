"""The reservation flows as presenters: plain objects that hold a flow's state and return data; the
desk's reservation views (lok_desk/desk/reservations) only show and bind them.

* `listing.ReservationList`: the query, the walk through Lok's pages (api/paging.PageWalk), counts,
  the selection, and the store's changes moving rows in and out.
* `find.ReservationFinder`: Ctrl+F from the store's indexes, then Lok (one function decides what
  happens when the store cannot answer).
* `create.CreatePresenter`, `cancel.CancelPresenter`, `update.UpdatePresenter`,
  `shipment.ShipmentPresenter`: the write flows; every write goes through lok_desk/core/service.py.
  A form's answer is a `fields.FormCheck`: a message at each field at fault and a Problem naming them.
* `printing.slip_offer`: which slip may be printed and why none.

User text is a `lok_desk.core.text.Text` (an English template marked for the catalogue, translated by
the desk).
"""
