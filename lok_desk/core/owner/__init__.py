"""The owner workspace's flows without Qt: notifications (webhook, e-mails), directories (list, contacts,
CSV import), reports (recent activity, action log, full report, exports). The views in
lok_desk/desk/owner show a presenter's state and bind its methods."""
