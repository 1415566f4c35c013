//! A FIFO group that was drained keeps delivering what is sent to it later.

use copycat_core::message::OutMessage;
use copycat_core::ports::Queue;
use copycat_tests::Harness;

#[tokio::test]
async fn a_drained_fifo_group_delivers_later_messages() {
    let h = Harness::new();
    let q = h.queues.signals.clone();
    for round in 0..3 {
        let sent = vec![
            OutMessage::fifo(format!("m{round}a"), "g", format!("d{round}a")),
            OutMessage::fifo(format!("m{round}b"), "g", format!("d{round}b")),
        ];
        assert!(q.send_batch(sent).await.unwrap().is_empty());
        let got = q.receive(10).await.unwrap();
        assert_eq!(
            got.iter().map(|m| m.body.as_str()).collect::<Vec<_>>(),
            vec![format!("m{round}a"), format!("m{round}b")],
            "round {round}"
        );
        let receipts: Vec<String> = got.iter().map(|m| m.receipt.clone()).collect();
        assert!(q.ack_batch(&receipts).await.unwrap().is_empty());
    }
}
